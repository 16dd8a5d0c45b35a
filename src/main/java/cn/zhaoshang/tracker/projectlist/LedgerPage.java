package cn.zhaoshang.tracker.projectlist;

import cn.zhaoshang.tracker.pages.Page;
import cn.zhaoshang.tracker.project.api.FindProjects;
import cn.zhaoshang.tracker.project.api.Industry;
import cn.zhaoshang.tracker.project.api.Stage;
import cn.zhaoshang.tracker.shared.Reach;
import cn.zhaoshang.tracker.zone.api.ListZones;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.ui.Model;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 项目台账: the project list with its filters and a search over project and investor names. */
@Page
@Validated
class LedgerPage {

    static final int PAGE_SIZE = 50;

    private final QueryGateway queries;

    LedgerPage(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/ledger")
    String ledger(
            @RequestParam(required = false) @Pattern(regexp = "[a-z0-9-]{0,40}") String zone,
            @RequestParam(required = false) @Min(1990) @Max(2100) Integer year,
            @RequestParam(required = false) Stage stage,
            @RequestParam(required = false) Industry industry,
            @RequestParam(required = false) Boolean top500,
            @RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
            Reach reach,
            Model model) {
        String zoneId = zone == null || zone.isEmpty() ? null : zone;
        FindProjects.Result found = queries.query(
                        new FindProjects(reach.zones(), zoneId, stage, year, industry, top500, q, page, PAGE_SIZE),
                        ResponseTypes.instanceOf(FindProjects.Result.class))
                .join();
        List<ListZones.Zone> zones = queries.query(
                        new ListZones(reach.zones()), ResponseTypes.multipleInstancesOf(ListZones.Zone.class))
                .join();
        model.addAttribute("zones", zones);
        model.addAttribute(
                "zoneNames", zones.stream().collect(Collectors.toMap(ListZones.Zone::id, ListZones.Zone::name)));
        model.addAttribute("stages", Stage.values());
        model.addAttribute("industries", Industry.values());
        model.addAttribute("projects", found.items());
        model.addAttribute("total", found.total());
        model.addAttribute("page", page);
        model.addAttribute("pages", Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("filter", new Filter(zoneId, year, stage, industry, top500, q));
        return "ledger";
    }

    record Filter(String zone, Integer year, Stage stage, Industry industry, Boolean top500, String q) {}
}
