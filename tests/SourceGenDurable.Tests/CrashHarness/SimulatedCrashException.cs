namespace SourceGenDurable.Tests.CrashHarness;

/// <summary>Thrown by a <see cref="CrashingWorkflowStore"/> at its crash point and by every call after it: the process is dead.</summary>
public sealed class SimulatedCrashException(string message) : Exception(message);
