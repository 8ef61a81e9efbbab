namespace Idaas.Callbacks.Events.Internal;

/// <summary>
/// The position of the escaped text of the <c>eventData</c> string in business data that a <c>Utf8JsonReader</c> has
/// already read in full, so that the decoder need not check the same escape sequences a second time.
/// </summary>
/// <param name="Start">The offset of the first byte after the opening quote.</param>
/// <param name="Length">The length of the escaped text, without the quotes.</param>
internal readonly record struct CheckedEventData(int Start, int Length);
