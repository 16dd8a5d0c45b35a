package cn.zhaoshang.tracker.platform;

/** A request header has a value the API cannot accept (HTTP 400). */
public class InvalidHeader extends RuntimeException {

    private final String header;

    InvalidHeader(String header, String message) {
        super(header + " " + message);
        this.header = header;
    }

    public String header() {
        return header;
    }
}
