package cn.zhaoshang.tracker.shared;

/**
 * What a person typed in a text field: patterns for {@code @Pattern} on requests and forms of what must be readable,
 * and how an optional field is taken.
 */
public final class Text {

    private Text() {}

    /**
     * At least one letter, digit, punctuation mark or symbol: text made only of spaces, the ideographic space,
     * zero-width or other invisible characters says nothing.
     */
    public static final String VISIBLE = "(?s).*[\\p{L}\\p{N}\\p{P}\\p{S}].*";

    /**
     * A name: {@link #VISIBLE}, on one line (no tab or line break). Written as "invisible characters, the first
     * visible one, anything but a line break", with possessive quantifiers, so that a long text that fails (a
     * megabyte with a line break at its end) is refused in one pass instead of backtracking over every split.
     */
    public static final String NAME = "[^\\t\\n\\r\\p{L}\\p{N}\\p{P}\\p{S}]*+[\\p{L}\\p{N}\\p{P}\\p{S}][^\\t\\n\\r]*+";

    /** An optional field as typed, stripped; null when absent or white space only, as if not given. */
    public static String stripped(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
