package dev.ferry.it.catalog;

import java.util.List;

/** Lambdas declared in every kind of place a class file can hold one. */
final class DeclarationSiteScenarios {

    private DeclarationSiteScenarios() {
    }

    static List<Scenario> all() {
        return List.of(
                Scenario.of("lambda_in_an_interface_default_method_capturing_this",
                        () -> new Scaling.Scale(3).scaler(), f -> Integer.toString(f.applyAsInt(7))),
                Scenario.of("lambda_in_an_interface_default_method_capturing_this_and_a_value",
                        () -> new Scaling.Scale(4).describer("cm"), s -> s.get()),
                Scenario.of("lambda_in_an_interface_static_method", () -> Scaling.offset(-3),
                        f -> Integer.toString(f.applyAsInt(10))),
                Scenario.of("lambda_in_an_enum_method", () -> Rounding.DOWN.rounder(2),
                        f -> Double.toString(f.applyAsDouble(3.14159))),
                Scenario.of("lambda_in_an_enum_constant_body", () -> Rounding.UP.step(),
                        f -> Integer.toString(f.applyAsInt(1))),
                Scenario.of("lambda_capturing_an_enum_constant", () -> Rounding.UP.describer(), s -> s.get()),
                Scenario.of("lambda_in_a_static_nested_class", () -> Outer.Nested.multiplier(6),
                        f -> Integer.toString(f.applyAsInt(7))),
                Scenario.of("lambda_in_an_inner_class_capturing_the_outer_instance",
                        () -> new Outer("outer").inner(2).describer(), s -> s.get()),
                Scenario.of("lambda_in_an_anonymous_class", () -> Outer.fromAnonymousClass(21),
                        s -> Integer.toString(s.getAsInt())),
                Scenario.of("lambda_capturing_a_serializable_anonymous_instance",
                        Outer::fromSerializableAnonymousClass, s -> Integer.toString(s.getAsInt())),
                Scenario.of("lambda_in_a_local_class", () -> Outer.fromLocalClass(5),
                        f -> Integer.toString(f.applyAsInt(8))),
                Scenario.of("lambda_in_a_record_capturing_the_record", () -> new Range(10, 20).contains(),
                        p -> p.test(9) + "," + p.test(10) + "," + p.test(19) + "," + p.test(20)),
                Scenario.of("lambda_in_a_generic_method", GenericLambdas::<String>twice,
                        f -> f.apply("echo").toString()),
                Scenario.of("lambda_in_a_generic_method_with_a_comparable_bound", GenericLambdas::<String>maxBy,
                        f -> f.apply("pear", "apple") + "," + f.apply("fig", "kiwi")),
                Scenario.of("lambda_in_a_generic_method_with_an_intersection_bound",
                        () -> GenericLambdas.atLeast(10), f -> f.apply(3) + "," + f.apply(12)),
                Scenario.of("lambda_in_a_static_initializer", () -> Initializers.SQUARE,
                        f -> Integer.toString(f.applyAsInt(12))),
                Scenario.of("lambda_in_a_constructor", () -> new Initializers("built").label(), s -> s.get()));
    }
}
