namespace Idaas.Callbacks.Testing;

/// <summary>The order in which <see cref="CallbackDelivery.DeliverAllAsync"/> sends batches.</summary>
public enum DeliveryOrder
{
    /// <summary>The order of the batches as given.</summary>
    AsGiven,

    /// <summary>The batches in reverse order, so later changes arrive first.</summary>
    Reversed,

    /// <summary>A random order drawn from <see cref="CallbackDeliveryOptions.ShuffleSeed"/>, repeatable when the seed is set.</summary>
    Shuffled,
}
