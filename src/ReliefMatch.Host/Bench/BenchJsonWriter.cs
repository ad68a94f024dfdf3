using System.Text.Json;
using ReliefMatch.Host.Outputs;

namespace ReliefMatch.Host.Bench;

/// <summary>
/// The bench's figures as JSON (<c>--json FILE</c>), for comparing machines and versions: seconds as numbers,
/// memory in bytes (null where it could not be read).
/// </summary>
public static class BenchJsonWriter
{
    public static void Write(Stream output, BenchReport report) => JsonOutput.Write(output, json =>
    {
        json.WriteStartObject();
        json.WriteStartObject("machine");
        json.WriteNumber("processors", report.Machine.Processors);
        json.WriteNumber("memory_bytes", report.Machine.MemoryBytes);
        json.WriteString("os", report.Machine.OperatingSystem);
        json.WriteString("runtime", report.Machine.Runtime);
        Number(json, "load_average_at_start", report.Machine.LoadAverage);
        json.WriteEndObject();
        json.WriteString("database", report.Server);
        if (report.ClusterCreation is { } creation)
        {
            json.WriteNumber("cluster_creation_seconds", creation.TotalSeconds);
        }
        json.WriteString("period", report.Options.Month.ToString());
        json.WriteNumber("seed", report.Options.Seed);

        json.WriteStartArray("sizes");
        foreach (var size in report.Sizes)
        {
            json.WriteStartObject();
            json.WriteNumber("households", size.Households);
            json.WriteBoolean("plain", size.Plain);
            json.WriteStartObject("generation");
            json.WriteNumber("rows", size.GeneratedRows);
            json.WriteNumber("bytes", size.GeneratedBytes);
            json.WriteNumber("seconds", size.Generation.TotalSeconds);
            json.WriteEndObject();
            json.WriteNumber("input_records", size.InputRecords);
            json.WriteNumber("match_records_per_second", size.MatchRecordsPerSecond);
            WriteRun(json, "first_run", size.First);
            WriteRun(json, "second_run", size.Second);
            json.WriteNumber("second_run_percent_of_first", size.SecondRunPercent);
            json.WriteStartArray("alternations");
            foreach (var alternation in size.Alternations)
            {
                json.WriteStartObject();
                WriteRun(json, "first_run", alternation.First);
                WriteRun(json, "second_run", alternation.Second);
                json.WriteNumber("second_run_percent_of_first", alternation.SecondRunPercent);
                json.WriteNumber("match_records_per_second", alternation.MatchRecordsPerSecond);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            if (size.Peer is { } peer)
            {
                WritePeer(json, peer);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("scaling");
        foreach (var step in report.Scaling)
        {
            json.WriteStartObject();
            json.WriteNumber("from_households", step.FromHouseholds);
            json.WriteNumber("to_households", step.ToHouseholds);
            json.WriteBoolean("tenfold", step.IsTenfold);
            Number(json, "records_ratio", step.DataRatio);
            Number(json, "time_ratio", step.TimeRatio);
            json.WriteStartObject("stage_time_ratios");
            foreach (var (stage, ratio) in step.StageRatios)
            {
                Number(json, stage, ratio);
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartObject("targets");
        json.WriteNumber("households", report.Largest.Households);
        json.WriteStartArray("items");
        foreach (var target in report.Targets)
        {
            json.WriteStartObject();
            json.WriteString("target", target.Name);
            json.WriteString("limit", target.Limit);
            json.WriteString("measured", target.Measured);
            if (target.Met is { } met)
            {
                json.WriteBoolean("met", met);
            }
            else
            {
                json.WriteNull("met");
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    });

    private static void WritePeer(Utf8JsonWriter json, PeerMeasurement peer)
    {
        json.WriteStartObject("peer");
        json.WriteString("name", peer.Peer);
        Numbers(json, "run_seconds", peer.RunSeconds);
        Numbers(json, "peer_seconds", peer.PeerSeconds);
        Numbers(json, "database_seconds", peer.DatabaseSeconds);
        Number(json, "median_run_seconds", peer.MedianRunSeconds);
        Number(json, "median_peer_seconds", peer.MedianPeerSeconds);
        Number(json, "ratio", peer.Ratio);
        json.WriteStartArray("agreement");
        foreach (var a in peer.Agreement)
        {
            json.WriteStartObject();
            json.WriteString("rule", a.RuleId);
            json.WriteNumber("both", a.Both);
            json.WriteNumber("only_reliefmatch", a.OnlyReliefMatch);
            json.WriteNumber("only_reliefmatch_not_exact", a.OnlyReliefMatchNotExact);
            json.WriteNumber("only_peer", a.OnlyPeer);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Numbers(Utf8JsonWriter json, string name, IEnumerable<double> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteNumberValue(value);
        }
        json.WriteEndArray();
    }

    private static void WriteRun(Utf8JsonWriter json, string name, RunMeasurement run)
    {
        json.WriteStartObject(name);
        json.WriteNumber("seconds", run.Seconds);
        json.WriteNumber("findings", run.Findings);
        Number(json, "peak_rss_bytes", run.PeakResidentBytes);
        Number(json, "postgres_peak_pss_bytes", run.ServerPeakBytes);
        json.WriteStartArray("stages");
        foreach (var stage in run.Stages)
        {
            json.WriteStartObject();
            json.WriteString("stage", stage.Stage);
            json.WriteNumber("rows", stage.Rows);
            json.WriteNumber("seconds", stage.Seconds);
            json.WriteNumber("rows_per_second", stage.RowsPerSecond);
            Number(json, "peak_rss_bytes", stage.PeakResidentBytes);
            Number(json, "postgres_peak_pss_bytes", stage.ServerPeakBytes);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void Number(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
