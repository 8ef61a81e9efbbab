namespace Idaas.Callbacks.Testing;

/// <summary>
/// Switches that make a <see cref="CallbackDelivery"/> misbehave the way a network or a faulty sender could:
/// duplicate posts, delays, lost acknowledgements and tokens a receiver must reject.
/// </summary>
/// <remarks>
/// All switches are off by default. Each attempt reads them when it starts, so a change applies from the next
/// attempt. The token switches apply whenever a token is signed: for the first attempt of a batch, for a callback
/// that resends retried events, and for every retry when <see cref="CallbackDeliveryOptions.ResignRetries"/> is
/// on. A retry that resends the previous body keeps the previous token. Instances are thread-safe.
/// </remarks>
public sealed class DeliveryFaults
{
    private int _duplicateDelivery;
    private long _delayTicks;
    private int _dropResponses;
    private int _tamperSignature;
    private int _expiredToken;
    private int _wrongAudience;
    private int _unknownKeyId;
    private long _clockSkewTicks;

    /// <summary>
    /// Gets or sets a value indicating whether every post is sent a second time right after the first answer, with
    /// the same body. The second answer is recorded as a duplicate attempt and does not change the event outcomes.
    /// </summary>
    public bool DuplicateDelivery
    {
        get => Volatile.Read(ref _duplicateDelivery) != 0;
        set => Volatile.Write(ref _duplicateDelivery, value ? 1 : 0);
    }

    /// <summary>Gets or sets the time to wait on the delivery's <see cref="TimeProvider"/> before each post.
    /// Default zero; must not be negative.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan Delay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _delayTicks));
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            Interlocked.Exchange(ref _delayTicks, value.Ticks);
        }
    }

    /// <summary>
    /// Gets or sets the number of upcoming responses to ignore: the request reaches the receiver, but the delivery
    /// discards the answer and waits until <see cref="CallbackDeliveryOptions.Timeout"/>, as if the
    /// acknowledgement were lost. Each dropped response lowers the count by one. Use <see cref="int.MaxValue"/> to
    /// drop every response. Default 0; must not be negative.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int DropResponses
    {
        get => Volatile.Read(ref _dropResponses);
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            Volatile.Write(ref _dropResponses, value);
        }
    }

    /// <summary>Gets or sets a value indicating whether one character of each token's signature is changed, so the
    /// signature no longer verifies.</summary>
    public bool TamperSignature
    {
        get => Volatile.Read(ref _tamperSignature) != 0;
        set => Volatile.Write(ref _tamperSignature, value ? 1 : 0);
    }

    /// <summary>Gets or sets a value indicating whether tokens are issued so far back that their <c>exp</c> lies
    /// 10 minutes in the past, beyond the largest clock skew the SDK allows.</summary>
    public bool ExpiredToken
    {
        get => Volatile.Read(ref _expiredToken) != 0;
        set => Volatile.Write(ref _expiredToken, value ? 1 : 0);
    }

    /// <summary>Gets or sets a value indicating whether tokens carry the <c>aud</c> of another, random application id.</summary>
    public bool WrongAudience
    {
        get => Volatile.Read(ref _wrongAudience) != 0;
        set => Volatile.Write(ref _wrongAudience, value ? 1 : 0);
    }

    /// <summary>Gets or sets a value indicating whether tokens are signed with a key that is not published in the
    /// JWKS, so their <c>kid</c> is unknown to the receiver.</summary>
    public bool UnknownKeyId
    {
        get => Volatile.Read(ref _unknownKeyId) != 0;
        set => Volatile.Write(ref _unknownKeyId, value ? 1 : 0);
    }

    /// <summary>Gets or sets the offset added to each token's <c>iat</c> and so to its <c>exp</c>, as a sender with
    /// a fast (positive) or slow (negative) clock would. Default zero.</summary>
    public TimeSpan ClockSkew
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _clockSkewTicks));
        set => Interlocked.Exchange(ref _clockSkewTicks, value.Ticks);
    }

    /// <summary>Turns every switch off.</summary>
    public void Reset()
    {
        DuplicateDelivery = false;
        Delay = TimeSpan.Zero;
        DropResponses = 0;
        TamperSignature = false;
        ExpiredToken = false;
        WrongAudience = false;
        UnknownKeyId = false;
        ClockSkew = TimeSpan.Zero;
    }

    /// <summary>Takes one response to drop from <see cref="DropResponses"/>, if any is left.</summary>
    internal bool TryTakeDroppedResponse()
    {
        while (true)
        {
            var current = Volatile.Read(ref _dropResponses);
            if (current == 0)
            {
                return false;
            }

            // int.MaxValue means "drop all", so it is never counted down.
            if (current == int.MaxValue || Interlocked.CompareExchange(ref _dropResponses, current - 1, current) == current)
            {
                return true;
            }
        }
    }
}
