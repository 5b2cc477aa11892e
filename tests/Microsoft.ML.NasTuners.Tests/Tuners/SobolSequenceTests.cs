using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners.Tests.Tuners;

public class SobolSequenceTests
{
    // ---- the classical (unscrambled) sequence ----

    [Fact]
    public void Dimension_1_is_the_van_der_Corput_sequence_in_Gray_code_order()
    {
        FirstPoints(dimension: 1, count: 9).Select(p => p[0]).Should()
            .Equal(0, 0.5, 0.75, 0.25, 0.375, 0.875, 0.625, 0.125, 0.1875);
    }

    [Fact]
    public void Dimension_2_follows_the_polynomial_x_plus_1()
    {
        // m = 1, 3, 5, 15 (m_k = 2 m_(k-1) ^ m_(k-1)), so v = 1/2, 3/4, 5/8, 15/16.
        FirstPoints(dimension: 2, count: 9).Select(p => p[1]).Should()
            .Equal(0, 0.5, 0.25, 0.75, 0.375, 0.875, 0.125, 0.625, 0.3125);
    }

    [Fact]
    public void Dimensions_3_to_5_match_values_worked_out_by_hand_from_the_Joe_Kuo_lines()
    {
        // Worked out by hand from the table's lines "3 2 1 1 3", "4 3 1 1 3 1" and "5 3 2 1 1 1" (d s a m_1..m_s), the
        // recurrence m_k = 2 a_1 m_(k-1) ^ ... ^ 2^(s-1) a_(s-1) m_(k-s+1) ^ 2^s m_(k-s) ^ m_(k-s), v_k = m_k / 2^k,
        // and the Gray-code rule x_(n+1) = x_n ^ v_c, c = the position of the lowest zero bit of n (1-based):
        //   dim 3: m = 1, 3, 3, 9  -> v = 1/2, 3/4, 3/8, 9/16
        //   dim 4: m = 1, 3, 1, 5  -> v = 1/2, 3/4, 1/8, 5/16
        //   dim 5: m = 1, 1, 1, 11 -> v = 1/2, 1/4, 1/8, 11/16
        var points = FirstPoints(dimension: 5, count: 9);
        points.Select(p => p[2]).Should().Equal(0, 0.5, 0.25, 0.75, 0.625, 0.125, 0.875, 0.375, 0.9375);
        points.Select(p => p[3]).Should().Equal(0, 0.5, 0.25, 0.75, 0.875, 0.375, 0.625, 0.125, 0.4375);
        points.Select(p => p[4]).Should().Equal(0, 0.5, 0.75, 0.25, 0.375, 0.875, 0.625, 0.125, 0.5625);
    }

    [Fact]
    public void The_last_dimension_reads_the_last_line_of_the_table()
    {
        // The table's last line is "1015 13 3497 1 3 7 ...": v = 1/2, 3/4, 7/8, so x = 0, 1/2, 1/4, 3/4, 1/8.
        var points = FirstPoints(dimension: SobolSequence.MaxDimension, count: 5);
        points.Select(p => p[^1]).Should().Equal(0, 0.5, 0.25, 0.75, 0.125);
    }

    [Fact]
    public void The_table_holds_more_than_1000_dimensions()
    {
        SobolSequence.MaxDimension.Should().Be(1015);
        SobolSequence.Table.Should().HaveCount(SobolSequence.MaxDimension - 1);
    }

    [Fact]
    public void Every_table_line_is_a_distinct_primitive_polynomial_with_valid_initial_numbers()
    {
        // Joe and Kuo list the primitive polynomials over GF(2) in increasing order, so the table must be exactly that
        // list; a line lost or garbled in copying shows up here.
        var expected = PrimitivePolynomials().GetEnumerator();
        foreach (var (degree, coefficients, m) in SobolSequence.Table)
        {
            expected.MoveNext().Should().BeTrue();
            (degree, coefficients).Should().Be(expected.Current);
            m.Should().HaveCount(degree);
            for (var k = 1; k <= degree; k++)
            {
                (m[k - 1] % 2).Should().Be(1, "initial direction numbers are odd");
                m[k - 1].Should().BeLessThan(1 << k);
            }
        }
    }

    // ---- shape and bad input ----

    [Fact]
    public void Dimension_0_gives_empty_points()
    {
        var sequence = new SobolSequence(0);
        sequence.Next().Should().BeEmpty();
        sequence.Next().Should().BeEmpty();
        sequence.Index.Should().Be(2);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(SobolSequence.MaxDimension + 1)]
    public void A_dimension_outside_the_table_is_rejected_with_the_allowed_range(int dimension)
    {
        var act = () => new SobolSequence(dimension);
        act.Should().Throw<ArgumentOutOfRangeException>()
            .Where(e => e.ParamName == "dimension" && e.Message.Contains("1015") && e.Message.Contains($"{dimension}"));
    }

    [Fact]
    public void Skip_jumps_to_the_same_point_as_drawing()
    {
        foreach (var scramble in new[] { false, true })
        {
            var drawn = FirstPoints(dimension: 7, count: 300, scramble, seed: 5);
            var jumping = new SobolSequence(7, scramble, seed: 5);
            jumping.Skip(123);
            jumping.Index.Should().Be(123);
            jumping.Next().Should().Equal(drawn[123]);
            jumping.Skip(50);
            jumping.Next().Should().Equal(drawn[174]);
        }
    }

    [Fact]
    public void The_sequence_ends_after_2_to_the_52_points()
    {
        var sequence = new SobolSequence(3);
        sequence.Skip(SobolSequence.MaxPoints - 1);
        sequence.Next().Should().OnlyContain(x => x >= 0 && x < 1);
        sequence.Invoking(s => s.Next()).Should().Throw<InvalidOperationException>();
        sequence.Invoking(s => s.Skip(1)).Should().Throw<ArgumentOutOfRangeException>();
    }

    // ---- the net property ----

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_prefix_of_2_to_the_m_points_puts_one_point_in_each_interval_of_width_2_to_the_minus_m(bool scramble)
    {
        const int maxM = 10;
        var points = FirstPoints(SobolSequence.MaxDimension, 1 << maxM, scramble, seed: 3);
        for (var m = 0; m <= maxM; m++)
        {
            var n = 1 << m;
            for (var j = 0; j < SobolSequence.MaxDimension; j++)
            {
                var cells = points.Take(n).Select(p => (int)(p[j] * n)).Distinct().Count();
                cells.Should().Be(n, $"the first {n} points fill the {n} intervals of dimension {j + 1}");
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_first_two_dimensions_put_one_of_256_points_in_each_dyadic_box_of_area_1_over_256(bool scramble)
    {
        const int m = 8;
        var points = FirstPoints(dimension: 2, count: 1 << m, scramble, seed: 11);
        for (var a = 0; a <= m; a++)
        {
            var (rows, columns) = (1 << a, 1 << (m - a));
            var boxes = points.Select(p => ((int)(p[0] * rows), (int)(p[1] * columns))).Distinct().Count();
            boxes.Should().Be(1 << m, $"each of the {rows} x {columns} boxes holds one point");
        }
    }

    // ---- scrambling ----

    [Fact]
    public void A_scrambled_sequence_is_reproducible_from_its_seed()
    {
        FirstPoints(10, 100, scramble: true, seed: 42).Should()
            .BeEquivalentTo(FirstPoints(10, 100, scramble: true, seed: 42), o => o.WithStrictOrdering());
    }

    [Fact]
    public void Different_seeds_give_different_points()
    {
        var one = FirstPoints(4, 16, scramble: true, seed: 1);
        var two = FirstPoints(4, 16, scramble: true, seed: 2);
        one.Zip(two).Count(pair => pair.First.SequenceEqual(pair.Second)).Should().Be(0);
    }

    [Fact]
    public void Scrambled_points_lie_in_the_half_open_unit_cube_and_not_at_the_origin()
    {
        var points = FirstPoints(50, 1024, scramble: true, seed: 7);
        points.SelectMany(p => p).Should().OnlyContain(x => x >= 0 && x < 1);
        points[0].Should().NotEqual(new double[50]);
    }

    [Fact]
    public void The_leading_coordinates_do_not_depend_on_how_many_follow()
    {
        var narrow = FirstPoints(3, 64, scramble: true, seed: 9);
        var wide = FirstPoints(20, 64, scramble: true, seed: 9);
        wide.Select(p => p[..3]).Should().BeEquivalentTo(narrow, o => o.WithStrictOrdering());
    }

    [Fact]
    public void The_seed_does_not_matter_without_scrambling()
    {
        FirstPoints(6, 32, scramble: false, seed: 1).Should()
            .BeEquivalentTo(FirstPoints(6, 32, scramble: false, seed: 2), o => o.WithStrictOrdering());
    }

    // ---- evenness ----

    [Fact]
    public void In_5_dimensions_256_Sobol_points_have_a_much_lower_centred_discrepancy_than_pseudo_random_points()
    {
        const int n = 256, d = 5;
        var randomDiscrepancies = Enumerable.Range(0, 10).Select(seed =>
        {
            var random = new Random(seed);
            return CentredL2Discrepancy(Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, d).Select(_ => random.NextDouble()).ToArray()).ToArray());
        }).ToArray();

        foreach (var scramble in new[] { false, true })
        {
            var sobol = CentredL2Discrepancy(FirstPoints(d, n, scramble, seed: 0));
            sobol.Should().BeLessThan(0.5 * randomDiscrepancies.Min(), $"scramble = {scramble}, random sets: {string.Join(", ", randomDiscrepancies)}");
        }
    }

    // ---- helpers ----

    private static double[][] FirstPoints(int dimension, int count, bool scramble = false, int seed = 0)
    {
        var sequence = new SobolSequence(dimension, scramble, seed);
        return Enumerable.Range(0, count).Select(_ => sequence.Next()).ToArray();
    }

    /// <summary>Hickernell's centred L2 discrepancy (the square root of its closed form); smaller is more even.</summary>
    private static double CentredL2Discrepancy(double[][] points)
    {
        var n = points.Length;
        var d = points[0].Length;
        var single = 0.0;
        foreach (var x in points)
        {
            var product = 1.0;
            foreach (var xi in x)
            {
                var c = Math.Abs(xi - 0.5);
                product *= 1 + 0.5 * c - 0.5 * c * c;
            }
            single += product;
        }
        var pairs = 0.0;
        foreach (var x in points)
        {
            foreach (var y in points)
            {
                var product = 1.0;
                for (var k = 0; k < d; k++)
                    product *= 1 + 0.5 * Math.Abs(x[k] - 0.5) + 0.5 * Math.Abs(y[k] - 0.5) - 0.5 * Math.Abs(x[k] - y[k]);
                pairs += product;
            }
        }
        return Math.Sqrt(Math.Pow(13.0 / 12, d) - 2.0 / n * single + pairs / ((double)n * n));
    }

    /// <summary>The primitive polynomials over GF(2) of degree 1 to 13 in the table's order (degree, then inner
    /// coefficients), found by brute force: x has order 2^s - 1 modulo the polynomial.</summary>
    private static IEnumerable<(int Degree, int Coefficients)> PrimitivePolynomials()
    {
        for (var s = 1; s <= 13; s++)
        {
            for (var a = 0; a < 1 << (s - 1); a++)
            {
                if (IsPrimitive(s, a))
                    yield return (s, a);
            }
        }
    }

    private static bool IsPrimitive(int s, int a)
    {
        var polynomial = (1 << s) | (a << 1) | 1;
        var order = (1 << s) - 1;
        // Walk the powers of x; x is primitive when it first returns to 1 after exactly 2^s - 1 steps.
        var power = 1;
        for (var e = 1; e <= order; e++)
        {
            power <<= 1;
            if ((power & (1 << s)) != 0)
                power ^= polynomial;
            if (power == 1)
                return e == order;
        }
        return false;
    }
}
