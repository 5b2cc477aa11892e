using System.Globalization;
using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests;

/// <summary>Needs the NAS-Bench-201 tables in ../shared/data/nb201 beside the repository (or NASTUNERS_NB201_DIR);
/// skipped, visibly, when they are absent.</summary>
public class Nb201ProblemTests
{
    // One row of a table as column name -> text, read here independently of Nb201Table.
    private static Dictionary<string, string> Row(string file, Func<Dictionary<string, string>, bool> where)
    {
        var lines = File.ReadLines(Path.Combine(Nb201Data.RequireDirectory(), file)).ToArray();
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).First(where);
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [DataFact("nb201")]
    public void Losses_are_100_minus_the_tables_test_accuracies_at_12_and_200_epochs()
    {
        var full = Row(Nb201Data.FullFidelityFile, _ => true);
        var architecture = full["ArchitectureString"];
        var low = Row(Nb201Data.LowFidelityFile, r => r["cellstr"] == architecture);
        var cell = Nb201Cell.Parse(architecture).ToParameter();
        var cases = new (Nb201Dataset Dataset, string Full, string Low)[]
        {
            (Nb201Dataset.Cifar10, "CIFAR10TestAccuracy200Epochs", "cifar10-test"),
            (Nb201Dataset.Cifar100, "CIFAR100TestAccuracy200Epochs", "cifar100-test"),
            (Nb201Dataset.ImageNet16, "ImageNetTestAccuracy200Epochs", "imagenet-test"),
        };
        foreach (var (dataset, fullColumn, lowColumn) in cases)
        {
            var problem = new Nb201Problem(dataset);
            problem.Evaluate(cell).Should().Be(100 - Number(full[fullColumn]));
            problem.Evaluate(cell, 200).Should().Be(100 - Number(full[fullColumn]));
            problem.Evaluate(cell, 12).Should().Be(100 - Number(low[lowColumn]));
            problem.Evaluate(cell, 108).Should().Be(100 - Number(low[lowColumn]), "every budget under 200 reads the 12-epoch table");
        }
    }

    [DataFact("nb201")]
    public void Optimal_values_are_the_best_200_epoch_accuracies_so_the_best_cell_scores_zero_regret()
    {
        var expected = new[] { (Nb201Dataset.Cifar10, 94.37), (Nb201Dataset.Cifar100, 73.51), (Nb201Dataset.ImageNet16, 47.31) };
        foreach (var (dataset, best) in expected)
        {
            var problem = new Nb201Problem(dataset);
            problem.OptimalValue.Should().BeApproximately(100 - best, 0.005);
            problem.MinBudget.Should().Be(12);
            problem.MaxBudget.Should().Be(200);
            var bestCell = problem.Table.Cells.MaxBy(c => c.TwoHundredEpochAccuracy(dataset))!.Cell;
            (problem.Evaluate(bestCell.ToParameter()) - problem.OptimalValue).Should().Be(0);
            problem.Table.Cells.Should().OnlyContain(c => 100 - c.TwoHundredEpochAccuracy(dataset) >= problem.OptimalValue);
        }
    }

    [DataFact("nb201")]
    public void Registry_creates_the_three_problems_with_their_encoding()
    {
        foreach (var (name, dataset) in new[] { ("nb201_cifar10", Nb201Dataset.Cifar10), ("nb201_cifar100", Nb201Dataset.Cifar100), ("nb201_imagenet16", Nb201Dataset.ImageNet16) })
        {
            var problem = BenchmarkProblems.Create(name);
            problem.Should().BeOfType<Nb201Problem>().Which.Dataset.Should().Be(dataset);
            problem.Name.Should().Be(name);
            problem.Architecture.Should().BeOfType<Nb201Encoding>();
            problem.SearchSpace.ModelView.Count.Should().Be(6);
        }
        new Hartmann6Problem().As<IBenchmarkProblem>().Architecture.Should().BeNull("problems that are not architectures have no encoding");
    }

    [DataFact("nb201")]
    public void Every_cell_of_the_space_has_a_row_and_random_cells_look_like_the_benchmark()
    {
        var problem = new Nb201Problem(Nb201Dataset.Cifar10);
        problem.Table.Cells.Should().HaveCount(15_625);
        var random = new Random(7);
        var losses = Enumerable.Range(0, 2000).Select(_ => problem.Evaluate(problem.SearchSpace.ModelView.Decode(problem.SearchSpace.ModelView.Sample(random)))).ToArray();
        // The median cell reaches about 90.7 % on CIFAR-10; the 2 % whose output is cut off from the input stay at chance (10 %).
        Quantiles.Median(losses).Should().BeInRange(100 - 92, 100 - 85);
        losses.Max().Should().BeApproximately(90, 0.5);
    }

    [DataFact("nb201")]
    public void Table_is_read_once_and_shared_across_threads()
    {
        var tables = new Nb201Table[8];
        Parallel.For(0, tables.Length, i => tables[i] = new Nb201Problem((Nb201Dataset)(i % 3)).Table);
        tables.Should().OnlyContain(t => ReferenceEquals(t, tables[0]));
        Nb201Table.Load().Should().BeSameAs(tables[0]);
    }

    [DataFact("nb201")]
    public void Bad_budgets_parameters_and_folders_are_rejected_with_clear_messages()
    {
        var problem = new Nb201Problem(Nb201Dataset.Cifar100);
        var cell = Nb201Cell.Parse("|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|").ToParameter();
        FluentActions.Invoking(() => problem.Evaluate(cell, 11.9)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*budget*[12, 200]*");
        FluentActions.Invoking(() => problem.Evaluate(cell, 201)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*[12, 200]*");
        FluentActions.Invoking(() => problem.Evaluate(cell, double.NaN)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => problem.Evaluate(Parameter.CreateNestedParameter())).Should().Throw<ArgumentException>().WithMessage("*to1_from0*");
        FluentActions.Invoking(() => new Nb201Problem((Nb201Dataset)7)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*Cifar10*ImageNet16*");
        var missing = Path.Combine(Path.GetTempPath(), $"no-nb201-{Guid.NewGuid():N}");
        FluentActions.Invoking(() => new Nb201Problem(Nb201Dataset.Cifar10, missing))
            .Should().Throw<DirectoryNotFoundException>().WithMessage("*nb201_hp12_accs.csv*nats_tss_hp200_test_accs.csv*");
    }
}
