using System;
using System.IO;
using System.Text;

// Each rule's finding without a fix ("no fix" below) comes before its fixable ones: one `dotnet format analyzers` pass
// must fix all the others (.ci/format-pass-check.sh). Through an interface Fragless cannot tell whether a buffer is
// kept, so it reports those allocations without a fix.
interface ISerial
{
    int Read(byte[] buffer);
}

interface ISink
{
    void Put(byte[] data);
}

sealed class Loopback : ISerial, ISink
{
    private int _next;
    private long _sum;

    public int Read(byte[] buffer)
    {
        for (int i = 0; i < buffer.Length; i++)
            buffer[i] = (byte)(_next + i);
        _next++;
        return buffer.Length;
    }

    public void Put(byte[] data)
    {
        foreach (var b in data)
            _sum += b;
    }

    public long Sum => _sum;
}

static class Program
{
    static void Main()
    {
        var port = new Loopback();
        ISerial serial = port;
        var input = new MemoryStream(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 });
        var output = new MemoryStream();
        string[] lines = { "ok", "temp 21.5", "done" };

        for (int i = 0; i < 3; i++)
        {
            var raw = new byte[4]; // FRAG001, no fix: the interface may keep the buffer
            serial.Read(raw);
            output.Write(raw, 0, raw.Length);

            var packet = Encoding.ASCII.GetBytes(lines[i]); // FRAG002, no fix: the sink may keep the bytes
            port.Put(packet);

            // FRAG001, fixed: the stream does not keep the buffer.
            var frame = new byte[4];
            input.Read(frame, 0, frame.Length);
            output.Write(frame, 0, frame.Length);

            // FRAG002, fixed.
            var stamp = BitConverter.GetBytes(i * 1000);
            output.Write(stamp, 0, stamp.Length);

            Forward(port);
            Console.WriteLine(Report(output));
            Notify(port);
            Console.WriteLine(Label(i));
        }

        Console.WriteLine(port.Sum);
    }

    static void Forward(ISink sink)
    {
        var block = new byte[2048]; // FRAG003, no fix: the sink may keep the buffer
        block[0] = 1;
        sink.Put(block);
    }

    static void Notify(ISink sink)
    {
        var note = new byte[8]; // FRAG005, no fix: the sink may keep the buffer
        note[0] = 2;
        sink.Put(note);
    }

    // FRAG005, fixed: the builder is cleared each call.
    static string Label(int pass)
    {
        var label = new StringBuilder(32);
        label.Append("pass ").Append(pass);
        return label.ToString();
    }

    // FRAG003, fixed: the builder is cleared each call.
    static string Report(MemoryStream output)
    {
        var text = new StringBuilder(2048);
        text.Append(output.Length).Append(':');
        text.Append(BitConverter.ToString(output.GetBuffer(), 0, (int)output.Length));
        return text.ToString();
    }
}
