using System.Linq;
using System.Threading.Tasks;
using Fragless.Tool.Reports;
using Microsoft.CodeAnalysis;

namespace Fragless.Tool.Tests;

/// <summary>The report model, from in-memory compilations: sites, frequencies, kept or dropped, sizes, rules, ranking.</summary>
public sealed class ChurnReportBuilderTests
{
    [Fact]
    public async Task A_buffer_allocated_in_a_loop_and_dropped_churns_its_size_once_per_pass()
    {
        var report = await TestProjects.ReportAsync("""
            using System.IO;
            public sealed class Sensor
            {
                public int Poll(Stream port, int count)
                {
                    int sum = 0;
                    for (int i = 0; i < count; i++)
                    {
                        var frame = new byte[16];
                        sum += port.Read(frame, 0, frame.Length);
                    }
                    return sum;
                }
            }
            """);

        var method = report.Method("Sensor.Poll(Stream,int)");
        var site = Assert.Single(method.Sites);
        Assert.Equal("array", site.Kind);
        Assert.Equal("byte[16]", site.What);
        Assert.Equal(SiteFrequency.PerIteration, site.Frequency);
        Assert.Equal("per iteration", site.FrequencyLabel);
        Assert.Contains("on every iteration of the loop in 'Poll'", site.Reason);
        Assert.False(site.Kept);
        Assert.Equal(16, site.Bytes);
        Assert.True(site.Churns);
        Assert.Equal(16, method.ChurnBytes);
        Assert.Equal(9, site.Line);

        var rule = Assert.Single(site.Rules);
        Assert.Equal("FRAG001", rule.Id);
        Assert.Equal("https://github.com/fragless/fragless/blob/main/docs/rules/FRAG001.md", rule.HelpLink);
        Assert.NotNull(rule.Fix);
        Assert.Equal(1, report.ChurningSiteCount);
        Assert.Equal(16, report.ChurnBytes);
        Assert.Equal("Sample.cs", Assert.Single(report.Files).Path);
    }

    [Fact]
    public async Task Startup_code_is_listed_and_churns_nothing()
    {
        var report = await TestProjects.ReportAsync(OutputKind.ConsoleApplication, ("Program.cs", """
            public static class Program
            {
                public static void Main()
                {
                    var table = new byte[256];
                    System.Console.WriteLine(table.Length);
                }
            }
            """));

        var site = Assert.Single(report.Method("Program.Main()").Sites);
        Assert.Equal(SiteFrequency.Once, site.Frequency);
        Assert.Equal(256, site.Bytes);
        Assert.False(site.Churns);
        Assert.Equal(0, site.ChurnBytes);
        Assert.Empty(site.Rules);
        Assert.Equal(0, report.ChurnBytes);
        Assert.Equal(1, report.SiteCount);
    }

    [Fact]
    public async Task A_kept_buffer_is_listed_as_kept_and_churns_nothing()
    {
        var report = await TestProjects.ReportAsync("""
            using System.Collections.Generic;
            public sealed class Log
            {
                private readonly List<byte[]> _frames = new List<byte[]>();
                public void Record(int count)
                {
                    for (int i = 0; i < count; i++)
                    {
                        var frame = new byte[8];
                        _frames.Add(frame);
                    }
                }
            }
            """);

        var site = Assert.Single(report.Method("Log.Record(int)").Sites);
        Assert.Equal(SiteFrequency.PerIteration, site.Frequency);
        Assert.True(site.Kept);
        Assert.False(site.Churns);
        Assert.Equal(0, report.Method("Log.Record(int)").ChurnBytes);

        // The field initializer runs once per object.
        var field = Assert.Single(report.Method("Log._frames").Sites);
        Assert.Equal(SiteFrequency.OncePerObject, field.Frequency);
        Assert.Equal("List", field.Kind);
    }

    [Fact]
    public async Task A_size_known_only_at_run_time_is_unknown_and_counted_apart()
    {
        var report = await TestProjects.ReportAsync("""
            using System.IO;
            public sealed class Reader
            {
                public int Drain(Stream port, int size, int count)
                {
                    int total = 0;
                    for (int i = 0; i < count; i++)
                    {
                        var chunk = new byte[size];
                        total += port.Read(chunk, 0, chunk.Length);
                    }
                    return total;
                }
            }
            """);

        var method = report.Method("Reader.Drain(Stream,int,int)");
        var site = Assert.Single(method.Sites);
        Assert.Null(site.Bytes);
        Assert.True(site.Churns);
        Assert.Equal(0, method.ChurnBytes);
        Assert.Equal(1, method.UnknownSizeSiteCount);
        Assert.Equal(1, report.UnknownChurningSiteCount);
    }

    [Fact]
    public async Task An_allocating_read_the_rules_report_is_a_call_site_whose_fixed_size_the_rule_knows()
    {
        var report = await TestProjects.ReportAsync("""
            using System;
            using System.IO;
            public sealed class Radio
            {
                public void SendAll(Stream air, int[] readings)
                {
                    for (int i = 0; i < readings.Length; i++)
                    {
                        var value = BitConverter.GetBytes(readings[i]);
                        air.Write(value, 0, value.Length);
                    }
                }
            }
            """);

        var site = Assert.Single(report.Method("Radio.SendAll(Stream,int[])").Sites);
        Assert.Equal("allocating call", site.Kind);
        Assert.Equal("BitConverter.GetBytes(int)", site.What);
        Assert.Equal(SiteFrequency.PerIteration, site.Frequency);
        Assert.Equal(4, site.Bytes);
        Assert.Equal("FRAG002", Assert.Single(site.Rules).Id);
        Assert.NotNull(site.Rules[0].Fix);
    }

    [Fact]
    public async Task An_allocating_read_of_a_size_known_only_at_run_time_is_unknown()
    {
        var report = await TestProjects.ReportAsync("""
            using System.IO;
            using System.Text;
            public sealed class Log
            {
                public void Lines(Stream output, string[] lines)
                {
                    foreach (var line in lines)
                    {
                        var bytes = Encoding.UTF8.GetBytes(line);
                        output.Write(bytes, 0, bytes.Length);
                    }
                }
            }
            """);

        var site = Assert.Single(report.Method("Log.Lines(Stream,string[])").Sites);
        Assert.Equal("allocating call", site.Kind);
        Assert.Null(site.Bytes);
    }

    [Fact]
    public async Task Methods_are_ranked_by_bytes_churned_per_pass_and_a_loop_counts_once()
    {
        var report = await TestProjects.ReportAsync("""
            using System.IO;
            public sealed class Device
            {
                public int Small(Stream s, int n)
                {
                    int t = 0;
                    for (int i = 0; i < n; i++) { var b = new byte[4]; t += s.Read(b, 0, b.Length); }
                    return t;
                }

                public int Large(Stream s, int n)
                {
                    int t = 0;
                    for (int i = 0; i < n; i++)
                    {
                        for (int j = 0; j < n; j++) { var b = new byte[64]; t += s.Read(b, 0, b.Length); }
                        var c = new int[8];
                        c[0] = t;
                        t += c[0];
                    }
                    return t;
                }

                public int None() => 0;
            }
            """);

        Assert.Equal(new[] { "Device.Large(Stream,int)", "Device.Small(Stream,int)" }, report.Methods.Select(m => m.Name));
        Assert.Equal(64 + 32, report.Methods[0].ChurnBytes);
        Assert.Equal(4, report.Methods[1].ChurnBytes);
        Assert.Equal(100, report.ChurnBytes);
        Assert.Equal(3, report.SiteCount);
        Assert.Equal(2, report.MethodCount);
    }

    [Fact]
    public async Task A_method_a_loop_calls_is_hot_and_code_in_a_lambda_belongs_to_its_member()
    {
        var report = await TestProjects.ReportAsync(OutputKind.ConsoleApplication, ("Program.cs", """
            using System;
            using System.IO;
            public static class Program
            {
                public static void Main()
                {
                    var s = new MemoryStream(new byte[] { 1, 2, 3, 4 });
                    for (int round = 0; round < 4; round++)
                        Step(s);
                }

                private static void Step(Stream s)
                {
                    var ack = new byte[3];
                    s.Write(ack, 0, ack.Length);
                    Func<int> later = () => new int[2].Length;
                    Console.WriteLine(later());
                }
            }
            """));

        var step = report.Method("Program.Step(Stream)");
        Assert.Equal(2, step.Sites.Length);
        var ack = step.Sites[0];
        Assert.Equal(SiteFrequency.Hot, ack.Frequency);
        Assert.Equal("hot: every pass of a loop", ack.FrequencyLabel);
        Assert.Contains("'Main'", ack.Reason);
        Assert.Equal("FRAG005", Assert.Single(ack.Rules).Id);
        Assert.Equal("int[2]", step.Sites[1].What);
    }

    [Fact]
    public async Task Code_that_does_not_compile_still_gets_a_report_with_the_errors()
    {
        var report = await TestProjects.ReportAsync("""
            using System.IO;
            public sealed class Broken
            {
                public int Poll(Stream port, int count)
                {
                    int sum = 0;
                    for (int i = 0; i < count; i++)
                    {
                        var frame = new byte[16];
                        sum += port.Read(frame, 0, frame.Length);
                        var bad = new byte[Missing];
                    }
                    return sum + Undefined();
                }
            }
            """);

        Assert.Equal(2, report.CompileErrorCount);
        Assert.All(report.CompileErrors, e => Assert.Contains("error CS0103", e));
        var site = Assert.Single(report.Method("Broken.Poll(Stream,int)").Sites);
        Assert.Equal("byte[16]", site.What);
    }
}
