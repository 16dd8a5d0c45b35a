package cn.zhaoshang.tracker.accesslog;

import cn.zhaoshang.tracker.pages.Bilingual;
import cn.zhaoshang.tracker.pages.Page;
import cn.zhaoshang.tracker.pages.Shown;
import cn.zhaoshang.tracker.shared.AccessRecords.Kind;
import cn.zhaoshang.tracker.shared.InvalidField;
import cn.zhaoshang.tracker.shared.Reach;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 访问记录: who read what, newest first, 50 a page, narrowed by kind, user, zone and Beijing day; with the 月报
 * register (the workbooks that left the building) one click away. Bad input is a message on the page.
 */
@Page
class AccessLogPage {

    static final int PAGE_SIZE = 50;

    private final AccessLog log;

    AccessLogPage(AccessLog log) {
        this.log = log;
    }

    /** One row as shown: the time in Beijing time. */
    record Row(AccessLog.Entry entry, String recordedAt) {}

    @GetMapping("/audit/access")
    String access(
            AccessFilter filter,
            @RequestParam(required = false) String before,
            Locale locale,
            Model model,
            HttpServletResponse response,
            Reach reach,
            Principal reader) {
        model.addAttribute("form", filter);
        model.addAttribute("kinds", Kind.values());
        model.addAttribute("register", Kind.WORKBOOK_DOWNLOADED.name().equalsIgnoreCase(filter.kind()));
        List<AccessLog.Entry> page;
        try {
            long upTo = AccessFilter.number("before", before, Long.MAX_VALUE);
            page = log.find(filter.query(null, upTo, PAGE_SIZE + 1, reach, reader.getName()));
        } catch (InvalidField bad) {
            model.addAttribute("error", Bilingual.inLanguageOf(bad.getMessage(), locale));
            model.addAttribute("rows", List.of());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "audit-access";
        }
        List<AccessLog.Entry> shown = page.size() > PAGE_SIZE ? page.subList(0, PAGE_SIZE) : page;
        model.addAttribute(
                "rows",
                shown.stream()
                        .map(entry -> new Row(entry, Shown.moment(entry.recordedAt())))
                        .toList());
        if (page.size() > PAGE_SIZE) {
            model.addAttribute("olderUrl", link(filter, shown.get(PAGE_SIZE - 1).id()));
        }
        if (before != null) {
            model.addAttribute("newestUrl", link(filter, null));
        }
        return "audit-access";
    }

    private static String link(AccessFilter filter, Long before) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/audit/access");
        add(link, "kind", filter.kind());
        add(link, "user", filter.user());
        add(link, "zone", filter.zone());
        add(link, "from", filter.from());
        add(link, "to", filter.to());
        if (before != null) {
            link.queryParam("before", before);
        }
        return link.encode().build().toUriString();
    }

    private static void add(UriComponentsBuilder link, String name, String value) {
        if (value != null) {
            link.queryParam(name, value);
        }
    }
}
