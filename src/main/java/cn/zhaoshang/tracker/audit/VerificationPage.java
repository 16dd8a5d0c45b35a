package cn.zhaoshang.tracker.audit;

import cn.zhaoshang.tracker.audit.api.ChainHashes;
import cn.zhaoshang.tracker.pages.Bilingual;
import cn.zhaoshang.tracker.pages.Page;
import java.security.Principal;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * 历史核验: the chain's head, a verification on demand, and a replay started in the background whose progress the
 * page polls ({@code /audit/replays/latest}) until its result can be shown.
 */
@Page
class VerificationPage {

    private final ChainHashes chain;
    private final ChainVerifier verifier;
    private final ReplayRuns replays;
    private final MessageSource messages;
    private final AuditReads reads;

    VerificationPage(
            ChainHashes chain, ChainVerifier verifier, ReplayRuns replays, MessageSource messages, AuditReads reads) {
        this.reads = reads;
        this.chain = chain;
        this.verifier = verifier;
        this.replays = replays;
        this.messages = messages;
    }

    /** A verification as the page shows it: the reason of a break (written "中文 / English") in the reader's half. */
    record Shown(ChainVerifier.Verification verification, String reason) {}

    @GetMapping("/audit/verification")
    String page(@RequestParam(required = false) String replay, Model model) {
        head(model);
        if ("started".equals(replay)) {
            model.addAttribute("replayMessage", "audit.replay.begun");
        } else if ("running".equals(replay)) {
            model.addAttribute("replayMessage", "audit.replay.running");
        }
        return "audit-verification";
    }

    @PostMapping("/audit/verification")
    String verify(Locale locale, Model model) throws SQLException {
        ChainVerifier.Verification verification = verifier.verify();
        reads.verified(verification);
        model.addAttribute(
                "verification", new Shown(verification, Bilingual.inLanguageOf(verification.detail(), locale)));
        head(model);
        return "audit-verification";
    }

    @PostMapping("/audit/replays")
    String startReplay(Principal user) {
        Optional<ReplayRuns.Status> started = replays.start(user.getName());
        reads.replayStarted(started);
        return started.isPresent()
                ? "redirect:/audit/verification?replay=started"
                : "redirect:/audit/verification?replay=running";
    }

    /** What the page polls while a replay runs. */
    record Progress(long run, String state, long done, long total, String text) {}

    @GetMapping(value = "/audit/replays/latest", produces = "application/json")
    @ResponseBody
    Progress latest(Locale locale) {
        return replays.latest()
                .map(status -> new Progress(
                        status.run(),
                        status.state().name(),
                        status.done(),
                        status.total(),
                        messages.getMessage(
                                "audit.replay.progress",
                                new Object[] {String.valueOf(status.done()), String.valueOf(status.total())},
                                locale)))
                .orElse(new Progress(0, "NONE", 0, 0, null));
    }

    /** The replay panel alone, swapped into the page when the run has ended. */
    @GetMapping("/audit/replays/latest/panel")
    String panel(Model model) {
        model.addAttribute("replay", replays.latest().orElse(null));
        return "audit-verification :: replay";
    }

    private void head(Model model) {
        Long head = chain.head().orElse(null);
        model.addAttribute("headPosition", head);
        model.addAttribute("headHash", head == null ? null : chain.hashAt(head).orElse(null));
        model.addAttribute("replay", replays.latest().orElse(null));
    }
}
