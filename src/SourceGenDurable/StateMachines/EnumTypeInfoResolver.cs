using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SourceGenDurable.StateMachines;

/// <summary>
/// Resolves enums where reflection is off (Native AOT). A <see cref="IJsonTypeInfoResolver"/> gets a
/// <see cref="Type"/>, and making a generic converter for it would need reflection; so each enum is registered, with its
/// type known at compile time, by the generic serializer call that is about to need it (<see cref="Register{T}"/>).
/// An enum is written as System.Text.Json writes it by default, its number, unless the enum names its own converter
/// with <see cref="JsonConverterAttribute"/> (such as <c>JsonStringEnumConverter&lt;T&gt;</c>).
/// </summary>
internal sealed class EnumTypeInfoResolver : IJsonTypeInfoResolver
{
    private static readonly ConcurrentDictionary<Type, Func<JsonSerializerOptions, JsonTypeInfo>> Factories = new();

    public static EnumTypeInfoResolver Instance { get; } = new();

    private EnumTypeInfoResolver()
    {
    }

    /// <summary>Makes <typeparamref name="T"/> resolvable, when it is an enum; a no-op otherwise.</summary>
    public static void Register<T>()
    {
        if (typeof(T).IsEnum && !Factories.ContainsKey(typeof(T)))
        {
            Factories.TryAdd(typeof(T), static options => JsonMetadataServices.CreateValueInfo<T>(options, CreateConverter<T>(options)));
        }
    }

    public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options) =>
        Factories.TryGetValue(type, out var create) ? create(options) : null;

    private static JsonConverter<T> CreateConverter<T>(JsonSerializerOptions options)
    {
        if (typeof(T).GetCustomAttribute<JsonConverterAttribute>() is { } attribute)
        {
            var converter = attribute.ConverterType is { } converterType
                ? (JsonConverter?)Activator.CreateInstance(converterType)
                : attribute.CreateConverter(typeof(T));
            if (converter is JsonConverterFactory factory)
            {
                converter = factory.CreateConverter(typeof(T), options);
            }

            return converter as JsonConverter<T>
                ?? throw new InvalidOperationException($"The [JsonConverter] of enum '{typeof(T)}' does not convert '{typeof(T)}'.");
        }

        return new EnumNumberConverter<T>();
    }

    /// <summary>An enum as its underlying number, as System.Text.Json's own enum converter writes and reads it.</summary>
    private sealed class EnumNumberConverter<T> : JsonConverter<T>
    {
        private static readonly TypeCode Underlying = Type.GetTypeCode(Enum.GetUnderlyingType(typeof(T)));

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.Number)
            {
                throw new JsonException($"Expected a number for enum '{typeof(T)}', found {reader.TokenType}.");
            }

            switch (Underlying)
            {
                case TypeCode.SByte: { var v = reader.GetSByte(); return Unsafe.As<sbyte, T>(ref v); }
                case TypeCode.Byte: { var v = reader.GetByte(); return Unsafe.As<byte, T>(ref v); }
                case TypeCode.Int16: { var v = reader.GetInt16(); return Unsafe.As<short, T>(ref v); }
                case TypeCode.UInt16: { var v = reader.GetUInt16(); return Unsafe.As<ushort, T>(ref v); }
                case TypeCode.Int32: { var v = reader.GetInt32(); return Unsafe.As<int, T>(ref v); }
                case TypeCode.UInt32: { var v = reader.GetUInt32(); return Unsafe.As<uint, T>(ref v); }
                case TypeCode.Int64: { var v = reader.GetInt64(); return Unsafe.As<long, T>(ref v); }
                case TypeCode.UInt64: { var v = reader.GetUInt64(); return Unsafe.As<ulong, T>(ref v); }
                default: throw new NotSupportedException($"Enum '{typeof(T)}' has the underlying type {Underlying}, which is not an integer type.");
            }
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            switch (Underlying)
            {
                case TypeCode.SByte: writer.WriteNumberValue(Unsafe.As<T, sbyte>(ref value)); break;
                case TypeCode.Byte: writer.WriteNumberValue(Unsafe.As<T, byte>(ref value)); break;
                case TypeCode.Int16: writer.WriteNumberValue(Unsafe.As<T, short>(ref value)); break;
                case TypeCode.UInt16: writer.WriteNumberValue(Unsafe.As<T, ushort>(ref value)); break;
                case TypeCode.Int32: writer.WriteNumberValue(Unsafe.As<T, int>(ref value)); break;
                case TypeCode.UInt32: writer.WriteNumberValue(Unsafe.As<T, uint>(ref value)); break;
                case TypeCode.Int64: writer.WriteNumberValue(Unsafe.As<T, long>(ref value)); break;
                case TypeCode.UInt64: writer.WriteNumberValue(Unsafe.As<T, ulong>(ref value)); break;
                default: throw new NotSupportedException($"Enum '{typeof(T)}' has the underlying type {Underlying}, which is not an integer type.");
            }
        }
    }
}
