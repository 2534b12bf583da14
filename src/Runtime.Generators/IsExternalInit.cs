namespace System.Runtime.CompilerServices;

// netstandard2.0 lacks the marker records need.
internal static class IsExternalInit;
