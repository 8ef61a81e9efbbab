namespace Idaas.Callbacks.Samples.Receiver;

/// <summary>An error in the sample's own settings, under the configuration section <c>Sample</c>.</summary>
public sealed class SampleConfigurationException : Exception
{
    /// <summary>Initializes an exception with no message.</summary>
    public SampleConfigurationException()
    {
    }

    /// <summary>Initializes an exception with a message that names the setting and the expected value.</summary>
    /// <param name="message">The message.</param>
    public SampleConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes an exception with a message and the error that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public SampleConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
