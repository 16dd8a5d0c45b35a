package cn.zhaoshang.tracker.pages;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Who reads a page: nobody signed in, or a user of the whole province (the tests' zones are theirs) per role. */
enum Reader {
    ANONYMOUS(null, null),
    BUREAU("clerk", "BUREAU"),
    REVIEWER("inspector", "REVIEWER"),
    LEADERSHIP("inspector", "LEADERSHIP"),
    AUDITOR("auditor", "AUDITOR"),
    ADMIN("admin", "ADMIN");

    private final String user;
    private final String role;

    Reader(String user, String role) {
        this.user = user;
        this.role = role;
    }

    /** The request as this reader sends it. */
    MockHttpServletRequestBuilder sends(MockHttpServletRequestBuilder request) {
        return role == null ? request : request.with(user(user).roles(role));
    }
}
