package cn.zhaoshang.tracker.bench;

import java.util.ArrayList;
import java.util.List;

/** The suite's table: one row per figure, ours against the baseline measured in the same run. */
final class Figures {

    record Row(String figure, String ours, String raw, String ratio, String target, String met) {}

    private final List<Row> rows = new ArrayList<>();

    /** Prints each figure as soon as it is measured, so that an interrupted run still shows what it got. */
    private void add(Row row) {
        rows.add(row);
        System.out.printf(
                "[bench] %s: %s vs %s, ratio %s, target %s, met %s%n",
                row.figure(), row.ours(), row.raw(), row.ratio(), row.target(), row.met());
    }

    /** A figure where higher is better (events/s, commands/s): ratio = ours ÷ raw, met when at least {@code min}. */
    void throughput(String figure, double ours, double raw, String unit, double min) {
        double ratio = ours / raw;
        add(new Row(
                figure,
                "%,.0f %s".formatted(ours, unit),
                "%,.0f %s".formatted(raw, unit),
                "%.2f".formatted(ratio),
                "≥ %.1f of raw".formatted(min),
                ratio >= min ? "yes" : "NO"));
    }

    void row(String figure, String ours, String raw, String ratio, String target, boolean met) {
        add(new Row(figure, ours, raw, ratio, target, met ? "yes" : "NO"));
    }

    void info(String figure, String ours, String raw, String ratio) {
        add(new Row(figure, ours, raw, ratio, "—", "—"));
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    String markdown() {
        StringBuilder table = new StringBuilder(
                "| figure | ours | raw / baseline | ratio | target | met? |\n|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            table.append("| %s | %s | %s | %s | %s | %s |\n"
                    .formatted(row.figure(), row.ours(), row.raw(), row.ratio(), row.target(), row.met()));
        }
        return table.toString();
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** The value below which {@code percent} % of the samples lie (nearest rank). */
    static double percentile(List<Double> samples, double percent) {
        List<Double> sorted = samples.stream().sorted().toList();
        int rank = (int) Math.ceil(percent / 100 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
