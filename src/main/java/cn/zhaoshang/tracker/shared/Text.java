package cn.zhaoshang.tracker.shared;

/** What a person must be able to read in a text field: patterns for {@code @Pattern} on requests and forms. */
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
}
