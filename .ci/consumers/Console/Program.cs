using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

static class Program
{
    static readonly List<byte[]> s_history = new List<byte[]>();

    static void Main()
    {
        var output = new MemoryStream();
        for (int i = 0; i < 4; i++)
        {
            var frame = new byte[8];
            frame[0] = (byte)i;
            output.Write(frame, 0, frame.Length);

            var stamp = BitConverter.GetBytes(i * 1000);
            output.Write(stamp, 0, stamp.Length);

            var kept = new byte[2];
            kept[1] = (byte)i;
            s_history.Add(kept);
            Console.WriteLine(Report(output));
        }

        Console.WriteLine(s_history.Count);
    }

    static string Report(MemoryStream output)
    {
        var text = new StringBuilder(2048);
        text.Append(output.Length).Append(':');
        text.Append(BitConverter.ToString(output.GetBuffer(), 0, (int)output.Length));
        return text.ToString();
    }
}
