package dev.ferry.it.catalog;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import java.util.function.IntUnaryOperator;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;

/** Plain (not serializable) lambdas and what they capture. */
final class CaptureScenarios {

    private CaptureScenarios() {
    }

    static List<Scenario> all() {
        return List.of(
                Scenario.of("non_capturing_supplier", CaptureScenarios::nonCapturing, Supplier::get),
                Scenario.of("non_capturing_runnable", CaptureScenarios::runnable, Effects::countRuns),
                Scenario.of("lambda_capturing_a_byte", () -> capturingByte((byte) -7), s -> s.get()),
                Scenario.of("lambda_capturing_a_short", () -> capturingShort((short) -30000), s -> s.get()),
                Scenario.of("lambda_capturing_an_int", () -> capturingInt(0x7abcdef1),
                        f -> f.applyAsInt(1) + "," + f.applyAsInt(-1)),
                Scenario.of("lambda_capturing_a_long", () -> capturingLong(0x7fff_0000_1234_5678L),
                        f -> Long.toHexString(f.applyAsLong(0x10))),
                Scenario.of("lambda_capturing_a_float", () -> capturingFloat(1.5e-40f), s -> s.get()),
                Scenario.of("lambda_capturing_a_double", () -> capturingDouble(Math.PI),
                        f -> Double.toString(f.applyAsDouble(2.0))),
                Scenario.of("lambda_capturing_negative_zero_and_nan", () -> capturingDoubles(-0.0, Double.NaN),
                        s -> s.get()),
                Scenario.of("lambda_capturing_a_boolean", () -> capturingBoolean(true),
                        s -> Boolean.toString(s.getAsBoolean())),
                Scenario.of("lambda_capturing_a_char", () -> capturingChar('\u20ac'), s -> s.get()),
                Scenario.of("lambda_capturing_every_primitive_type_between_references",
                        () -> capturingEverything((byte) 1, "two", (short) 3, 4L, 5.5f, "six", 7.25, '8', true, 10),
                        s -> s.get()),
                Scenario.of("lambda_capturing_a_string", () -> capturingString("Bonjour"), f -> f.apply("Ferry")),
                Scenario.of("lambda_capturing_null", () -> capturingString(null), f -> f.apply("Ferry")),
                Scenario.of("lambda_capturing_a_jdk_value_object",
                        () -> capturingBigInteger(new BigInteger("123456789012345678901234567890")),
                        f -> f.apply(7).toString()),
                Scenario.of("lambda_capturing_an_int_array", () -> capturingIntArray(new int[] {3, 1, 4, 1, 5}),
                        s -> Integer.toString(s.getAsInt())),
                Scenario.of("lambda_capturing_a_two_dimensional_string_array",
                        () -> capturingStringGrid(new String[][] {{"a", "b"}, {"c"}}), f -> f.apply(1)),
                Scenario.of("lambda_capturing_another_lambda", () -> capturingLambda(x -> x + 1),
                        f -> f.apply(5).toString()),
                Scenario.of("lambda_capturing_this_of_a_serializable_object", () -> new Greeter("hello").greeter(),
                        f -> f.apply("reader")),
                Scenario.of("lambda_returning_a_lambda", () -> returningLambda(10),
                        f -> f.apply(4).getAsInt() + "," + f.apply(5).getAsInt()),
                Scenario.of("lambda_returned_by_a_lambda", () -> returningLambda(10).apply(6),
                        s -> Integer.toString(s.getAsInt())),
                Scenario.of("lambda_throwing_a_runtime_exception_propagates_it_unchanged",
                        CaptureScenarios::parsing, CaptureScenarios::describeParseFailure));
    }

    static Supplier<String> nonCapturing() {
        return () -> "no capture";
    }

    static Runnable runnable() {
        return () -> Effects.RUNS.incrementAndGet();
    }

    static Supplier<String> capturingByte(byte b) {
        return () -> "byte " + b;
    }

    static Supplier<String> capturingShort(short s) {
        return () -> "short " + s;
    }

    static IntUnaryOperator capturingInt(int k) {
        return x -> x + k;
    }

    static LongUnaryOperator capturingLong(long k) {
        return x -> x ^ k;
    }

    static Supplier<String> capturingFloat(float f) {
        return () -> "float " + Float.floatToRawIntBits(f) + " " + f;
    }

    static DoubleUnaryOperator capturingDouble(double d) {
        return x -> x * d;
    }

    static Supplier<String> capturingDoubles(double negativeZero, double nan) {
        return () -> Long.toHexString(Double.doubleToRawLongBits(negativeZero)) + " "
                + Long.toHexString(Double.doubleToRawLongBits(nan)) + " " + (1 / negativeZero);
    }

    static BooleanSupplier capturingBoolean(boolean flag) {
        return () -> flag;
    }

    static Supplier<String> capturingChar(char c) {
        return () -> "char " + (int) c;
    }

    /** Two-slot values (long, double) between one-slot values and references: the captured layout must hold. */
    static Supplier<String> capturingEverything(byte b, String two, short s, long l, float f, String six, double d,
            char c, boolean z, int i) {
        return () -> String.join(",", String.valueOf(b), two, String.valueOf(s), String.valueOf(l), String.valueOf(f),
                six, String.valueOf(d), String.valueOf(c), String.valueOf(z), String.valueOf(i));
    }

    static Function<String, String> capturingString(String greeting) {
        return name -> greeting + " " + name;
    }

    static Function<Integer, BigInteger> capturingBigInteger(BigInteger big) {
        return n -> big.multiply(BigInteger.valueOf(n));
    }

    static IntSupplier capturingIntArray(int[] values) {
        return () -> Arrays.stream(values).sum() * 10 + values.length;
    }

    static IntFunction<String> capturingStringGrid(String[][] grid) {
        return row -> Arrays.deepToString(grid) + "[" + row + "]=" + Arrays.toString(grid[row]);
    }

    static Function<Integer, Integer> capturingLambda(Function<Integer, Integer> increment) {
        return x -> increment.apply(increment.apply(x)) * 2;
    }

    static Function<Integer, IntSupplier> returningLambda(int base) {
        return x -> () -> x * base + 1;
    }

    static Function<String, Integer> parsing() {
        return text -> Integer.parseInt(text.trim());
    }

    private static String describeParseFailure(Function<String, Integer> parse) {
        try {
            return "parsed " + parse.apply("x1");
        } catch (NumberFormatException expected) {
            return "threw " + expected.getClass().getName() + ": " + expected.getMessage() + "; then "
                    + parse.apply(" 12 ");
        }
    }
}
