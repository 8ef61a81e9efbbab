namespace Idaas.Callbacks.Events.Internal;

/// <summary>
/// The members read from one element of the <c>eventData</c> array. The unescaped <c>bizData</c> text lives in
/// the reader's pooled buffer, so only its length is stored here.
/// </summary>
internal struct EventFields
{
    public const long MissingTime = -1;
    public const int MissingBusinessData = -1;

    public EventFields()
    {
    }

    public string? EventId { get; set; }

    public string? EventType { get; set; }

    /// <summary>Gets or sets the event time in Unix milliseconds, or <see cref="MissingTime"/>.</summary>
    public long EventTime { get; set; } = MissingTime;

    public string? BusinessId { get; set; }

    /// <summary>Gets or sets the byte length of the unescaped <c>bizData</c>, or <see cref="MissingBusinessData"/>.</summary>
    public int BusinessDataLength { get; set; } = MissingBusinessData;

    /// <summary>Gets or sets the first problem found in the element, or <see langword="null"/> when none was found.</summary>
    public string? Error { get; set; }

    /// <summary>Records <paramref name="error"/> unless an earlier problem was already recorded.</summary>
    public void Fail(string error) => Error ??= error;
}
