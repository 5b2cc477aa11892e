using Microsoft.ML.NasTuners.Data;

namespace Microsoft.ML.NasTuners.Tests.Data;

public sealed class NasDataSetTests : IDisposable
{
    // A set of its own, with a variable no other test reads, so that setting the variable races with nothing.
    private readonly string _variable = $"NASTUNERS_TEST_{Guid.NewGuid():N}";
    private readonly string _folder = Directory.CreateTempSubdirectory("nas-data-").FullName;
    private readonly NasDataSet _set;

    public NasDataSetTests() => _set = new NasDataSet($"test-{Guid.NewGuid():N}", _variable, "a.csv", Path.Combine("sub", "b.bin"));

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(_variable, null);
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void The_repository_ships_every_data_set_and_each_is_found_from_a_build()
    {
        foreach (var set in NasDataSets.All)
        {
            set.MissingReason().Should().BeNull();
            var directory = set.RequireDirectory();
            Path.GetFileName(directory).Should().Be(set.Name);
            Path.GetFileName(Path.GetDirectoryName(directory)).Should().Be("data");
            File.Exists(Path.Combine(directory, "README.md")).Should().BeTrue($"{set.Name} carries its licence note");
        }
        NasDataSets.All.Select(s => s.Name).Should().Equal("digits", "nb201", "yahpo", "tabular");
    }

    [Fact]
    public void A_set_that_is_nowhere_names_the_folder_it_looked_for_and_the_variable_to_set()
    {
        _set.FindDirectory().Should().BeNull();
        _set.MissingReason().Should().Contain($"data/{_set.Name}").And.Contain(_variable).And.Contain("a.csv");
        FluentActions.Invoking(() => _set.RequireDirectory()).Should().Throw<DirectoryNotFoundException>().WithMessage($"*{_variable}*");
    }

    [Fact]
    public void The_variable_names_the_folder_and_wins_when_the_folder_holds_every_file()
    {
        Environment.SetEnvironmentVariable(_variable, _folder);
        _set.FindDirectory().Should().BeNull("the folder lacks the files");
        _set.MissingReason().Should().Contain(_folder).And.Contain(_variable);

        File.WriteAllText(Path.Combine(_folder, "a.csv"), "x");
        _set.FindDirectory().Should().BeNull("one file is still missing");
        Directory.CreateDirectory(Path.Combine(_folder, "sub"));
        File.WriteAllText(Path.Combine(_folder, "sub", "b.bin"), "y");

        _set.FindDirectory().Should().Be(Path.GetFullPath(_folder));
        _set.MissingReason().Should().BeNull();
        _set.RequireFile("a.csv").Should().Be(Path.Combine(Path.GetFullPath(_folder), "a.csv"));
    }

    [Fact]
    public void The_variable_may_name_a_file_of_the_set()
    {
        File.WriteAllText(Path.Combine(_folder, "a.csv"), "x");
        Directory.CreateDirectory(Path.Combine(_folder, "sub"));
        File.WriteAllText(Path.Combine(_folder, "sub", "b.bin"), "y");
        Environment.SetEnvironmentVariable(_variable, Path.Combine(_folder, "a.csv"));

        _set.FindDirectory().Should().Be(Path.GetFullPath(_folder));
    }

    [Fact]
    public void A_set_needs_a_name_a_variable_and_a_file()
    {
        FluentActions.Invoking(() => new NasDataSet("", "V", "f")).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new NasDataSet("n", " ", "f")).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new NasDataSet("n", "V")).Should().Throw<ArgumentException>().WithMessage("*at least one file*");
    }
}
