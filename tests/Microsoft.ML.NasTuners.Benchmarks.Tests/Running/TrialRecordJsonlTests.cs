using System.Text.Json;
using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests;

public class TrialRecordJsonlTests
{
    private static readonly string[] RequiredFields =
        ["problem", "tuner", "seed", "trial", "budget", "loss", "best", "regret", "proposeMs", "evalMs", "status"];

    private static IReadOnlyList<TrialRecord> Records()
    {
        var problem = new FlakyProblem(call => call == 0);
        return BenchmarkRunner.RunOne(problem, "counting", new CountingTuner(problem.SearchSpace, 1), seed: 1, trials: 5);
    }

    [Fact]
    public void Writes_one_camel_case_object_per_line_with_nulls()
    {
        var writer = new StringWriter();
        TrialRecordJsonl.Write(writer, Records());
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        lines.Should().HaveCount(5);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            json.RootElement.EnumerateObject().Select(p => p.Name).Should().Contain(RequiredFields).And.Contain("parameter");
        }
        using var failed = JsonDocument.Parse(lines[0]);
        failed.RootElement.GetProperty("status").GetString().Should().Be("failed");
        failed.RootElement.GetProperty("loss").ValueKind.Should().Be(JsonValueKind.Null);
        failed.RootElement.GetProperty("best").ValueKind.Should().Be(JsonValueKind.Null);
        failed.RootElement.GetProperty("regret").ValueKind.Should().Be(JsonValueKind.Null);
        failed.RootElement.GetProperty("error").GetString().Should().Contain("simulated crash");
        using var ok = JsonDocument.Parse(lines[1]);
        ok.RootElement.GetProperty("status").GetString().Should().Be("succeeded");
        ok.RootElement.GetProperty("regret").GetDouble().Should().BeGreaterThanOrEqualTo(0);
        ok.RootElement.GetProperty("parameter").GetProperty("x0").ValueKind.Should().Be(JsonValueKind.Number);
    }

    [Fact]
    public void Reads_back_what_it_wrote()
    {
        var records = Records();
        var writer = new StringWriter();
        TrialRecordJsonl.Write(writer, records);
        TrialRecordJsonl.Read(new StringReader(writer.ToString())).Should().Equal(records);
    }

    [Fact]
    public void Writes_files_without_a_byte_order_mark()
    {
        var path = Path.Combine(Path.GetTempPath(), $"nas-tuners-{Guid.NewGuid():N}.jsonl");
        try
        {
            TrialRecordJsonl.WriteFile(path, Records());
            var bytes = File.ReadAllBytes(path);
            bytes[0].Should().Be((byte)'{');
            File.ReadAllLines(path).Should().HaveCount(5);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Bad_lines_name_their_number()
    {
        FluentActions.Invoking(() => TrialRecordJsonl.Read(new StringReader("{\"problem\":\"p\",\"tuner\":\"t\",\"seed\":1,\"trial\":0}\nnot json")).ToList())
            .Should().Throw<JsonException>().WithMessage("Line 2*");
    }

    [Fact]
    public void Records_of_noiseless_problems_carry_no_noiseless_loss_so_their_lines_are_as_before()
    {
        var writer = new StringWriter();
        TrialRecordJsonl.Write(writer, Records());

        writer.ToString().Should().NotContain("noiselessLoss");
    }

    [Fact]
    public void Records_of_noisy_problems_carry_their_noiseless_loss_and_read_back()
    {
        var problem = BenchmarkProblems.Create("branin_noise01", seed: 1);
        var records = BenchmarkRunner.RunOne(problem, "counting", new CountingTuner(problem.SearchSpace, 1), seed: 1, trials: 3);
        var writer = new StringWriter();
        TrialRecordJsonl.Write(writer, records);

        using var json = JsonDocument.Parse(writer.ToString().Split('\n')[0]);
        json.RootElement.GetProperty("noiselessLoss").GetDouble().Should().Be(records[0].NoiselessLoss!.Value);
        TrialRecordJsonl.Read(new StringReader(writer.ToString())).Should().Equal(records);
    }

    [Fact]
    public void Lines_written_before_the_noiseless_loss_existed_still_read()
    {
        const string old = "{\"problem\":\"branin\",\"tuner\":\"random\",\"seed\":1,\"trial\":0,\"budget\":null,\"configId\":null,\"spentBudget\":1," +
                           "\"loss\":3.5,\"best\":3.5,\"regret\":3.1,\"proposeMs\":0.1,\"evalMs\":0,\"status\":\"succeeded\",\"error\":null,\"parameter\":{\"x0\":1,\"x1\":2}}";

        var record = TrialRecordJsonl.Parse(old);

        record.NoiselessLoss.Should().BeNull();
        record.Loss.Should().Be(3.5);
        TrialRecordJsonl.ToJson(record).Should().Be(old);
    }
}
