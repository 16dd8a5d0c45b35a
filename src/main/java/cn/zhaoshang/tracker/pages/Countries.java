package cn.zhaoshang.tracker.pages;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Countries and regions by their ISO 3166 alpha-2 code, named in the reader's language, for the pages' choice of an
 * investor's origin; the code is what is stored and what the API takes. Hong Kong, Macao and Taiwan carry the names
 * official Chinese documents use.
 */
@Component("countries")
public class Countries {

    public record Country(String code, String name) {}

    /** Where most of the zones' foreign investment comes from: offered first. */
    private static final List<String> FREQUENT =
            List.of("HK", "JP", "KR", "SG", "US", "DE", "TW", "GB", "FR", "VG", "KY", "MO", "NL", "CH", "AU", "CA");

    private static final Map<String, String> CHINESE = Map.of("HK", "中国香港", "MO", "中国澳门", "TW", "中国台湾");
    private static final Map<String, String> ENGLISH =
            Map.of("HK", "Hong Kong, China", "MO", "Macao, China", "TW", "Taiwan, China");

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());

    /** The usual origins, in the order above. */
    public List<Country> frequent(Locale reader) {
        return FREQUENT.stream().map(code -> of(code, reader)).toList();
    }

    /** Every country and region, ordered by its name as the reader's language sorts (Chinese by pinyin). */
    public List<Country> all(Locale reader) {
        Collator collator = Collator.getInstance(reader);
        return Stream.of(Locale.getISOCountries())
                .map(code -> of(code, reader))
                .sorted(Comparator.comparing(Country::name, collator))
                .toList();
    }

    /** The name of a code in the reader's language; a code that names no country is shown as it is. */
    public String name(String code, Locale reader) {
        return code == null || !CODES.contains(code) ? code : of(code, reader).name();
    }

    private static Country of(String code, Locale reader) {
        Map<String, String> official = "zh".equals(reader.getLanguage()) ? CHINESE : ENGLISH;
        String name = official.containsKey(code)
                ? official.get(code)
                : new Locale.Builder().setRegion(code).build().getDisplayCountry(reader);
        return new Country(code, name);
    }
}
