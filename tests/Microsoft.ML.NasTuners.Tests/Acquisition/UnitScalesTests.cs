using Microsoft.ML.NasTuners.Acquisition;
using Microsoft.ML.NasTuners.Tests.SearchSpaces;

namespace Microsoft.ML.NasTuners.Tests.Acquisition;

public class UnitScalesTests
{
    [Fact]
    public void Cached_scales_sample_and_map_exactly_as_the_model_view_does()
    {
        var view = TestSpaces.Rich().ModelView;
        var scales = new UnitScales(view);
        var a = new Random(1);
        var b = new Random(1);
        var units = new Random(2);
        var point = new double[view.Count];
        for (var n = 0; n < 200; n++)
        {
            var expected = view.Sample(a);
            scales.Sample(b, point);
            point.Should().Equal(expected, (x, y) => x.Equals(y));
            for (var i = 0; i < view.Count; i++)
            {
                var d = view.Dimensions[i];
                if (!d.IsNumeric || double.IsNaN(point[i])) continue;
                scales.ToUnit(i, point[i]).Should().Be(d.ToUnit(point[i]));
                var u = units.NextDouble();
                scales.FromUnit(i, u).Should().Be(d.FromUnit(u));
            }
        }
    }
}
