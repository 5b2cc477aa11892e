using System.Globalization;

namespace Microsoft.ML.NasTuners.Cli;

/// <summary>The rate and the time left that every progress display of the tool writes, in one wording.</summary>
internal static class ProgressText
{
    /// <summary>"N trials/s", or "N trials/min" below one per second.</summary>
    public static string Rate(long completed, TimeSpan elapsed)
    {
        var perSecond = elapsed.TotalSeconds > 0 ? completed / elapsed.TotalSeconds : 0;
        return perSecond >= 1 || perSecond == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{perSecond:0.#} trials/s")
            : string.Create(CultureInfo.InvariantCulture, $"{perSecond * 60:0.#} trials/min");
    }

    /// <summary>The time left at the rate so far, as "about 1h 02m left", "about 3m 10s left" or "about 12 s left";
    /// empty before the first trial, "done" once all have ended.</summary>
    public static string TimeLeft(long completed, long total, TimeSpan elapsed)
    {
        if (completed >= total) return "done";
        if (completed <= 0) return "";
        return Left(TimeSpan.FromSeconds(elapsed.TotalSeconds * (total - completed) / completed));
    }

    /// <summary>A time left as "about 1h 02m left", "about 3m 10s left" or "about 12 s left"; "done" when none is.</summary>
    public static string Left(TimeSpan left)
    {
        if (left <= TimeSpan.Zero) return "done";
        return left.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"about {(int)left.TotalHours}h {left.Minutes:00}m left")
            : left.TotalMinutes >= 1
                ? string.Create(CultureInfo.InvariantCulture, $"about {left.Minutes}m {left.Seconds:00}s left")
                : string.Create(CultureInfo.InvariantCulture, $"about {Math.Ceiling(left.TotalSeconds):0} s left");
    }
}
