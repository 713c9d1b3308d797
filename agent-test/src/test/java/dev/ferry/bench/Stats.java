package dev.ferry.bench;

import java.util.Arrays;
import java.util.List;

/** Mean, standard deviation, median and extremes of a sample of measurements. */
record Stats(int n, double mean, double sd, double median, double min, double max) {

    static Stats of(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = v.length;
        if (n == 0) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = Arrays.stream(v).average().orElse(Double.NaN);
        double squares = 0;
        for (double x : v) {
            squares += (x - mean) * (x - mean);
        }
        double sd = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
        double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        return new Stats(n, mean, sd, median, v[0], v[n - 1]);
    }

    /** Half width of an approximate 95% confidence interval of {@code a.mean - b.mean}. */
    static double diffHalfWidth95(Stats a, Stats b) {
        return 1.96 * Math.sqrt(a.sd * a.sd / a.n + b.sd * b.sd / b.n);
    }
}
