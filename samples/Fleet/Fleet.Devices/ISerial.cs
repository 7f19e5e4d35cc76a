namespace Fleet.Devices
{
    /// <summary>A serial port; implementations may keep the buffers they are given.</summary>
    public interface ISerial
    {
        int Read(byte[] buffer, int offset, int count);
    }
}
