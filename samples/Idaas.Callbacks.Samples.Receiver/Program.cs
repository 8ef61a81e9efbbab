using Idaas.Callbacks.Samples.Receiver;

// With IDaaS settings this is a receiver that keeps serving. Without them it plays the simulator scenario and
// exits 0 only when the local directory equals the simulator's.
return await SampleApp.RunAsync(args, Console.Out);

/// <summary>The entry point, public so that tests can host the app with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
