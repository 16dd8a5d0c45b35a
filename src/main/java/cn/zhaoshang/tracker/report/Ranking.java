package cn.zhaoshang.tracker.report;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The contract's ranking by foreign capital received, of the zones of a city or a province or of a province's
 * cities: each one's share of their total (HALF_UP to 4 decimals, null when the total is 0) and its rank, 1 + how
 * many have strictly more (ties share a rank); listed by rank, then by id.
 */
final class Ranking {

    private Ranking() {}

    /** What a ranked line is made of: the one ranked, its share and its rank. */
    interface Line<T, L> {
        L of(T ranked, BigDecimal share, int rank);
    }

    static <T, L> List<L> of(
            List<T> ranked, Function<T, BigDecimal> foreignCapital, Function<T, String> id, Line<T, L> line) {
        BigDecimal total = ranked.stream().map(foreignCapital).reduce(BigDecimal.ZERO, BigDecimal::add);
        return ranked.stream()
                .sorted(Comparator.comparing(foreignCapital, Comparator.reverseOrder())
                        .thenComparing(id))
                .map(one -> {
                    BigDecimal own = foreignCapital.apply(one);
                    long more = ranked.stream()
                            .filter(other -> foreignCapital.apply(other).compareTo(own) > 0)
                            .count();
                    return line.of(one, Ratios.of(own, total), 1 + (int) more);
                })
                .toList();
    }
}
