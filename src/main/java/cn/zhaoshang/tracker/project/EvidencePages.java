package cn.zhaoshang.tracker.project;

import cn.zhaoshang.tracker.pages.Bilingual;
import cn.zhaoshang.tracker.pages.Page;
import cn.zhaoshang.tracker.platform.CommandTransaction;
import cn.zhaoshang.tracker.shared.CommandRejected;
import cn.zhaoshang.tracker.shared.InvalidField;
import cn.zhaoshang.tracker.shared.StaleVersion;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The project page's evidence panel: a bureau's upload form, and the downloads for every reader. A refused file or
 * field comes back to the panel with the reason.
 */
@Page
class EvidencePages {

    private final EvidenceUpload upload;
    private final EvidenceAttachments attachments;
    private final CommandTransaction transaction;
    private final MessageSource messages;

    EvidencePages(
            EvidenceUpload upload,
            EvidenceAttachments attachments,
            CommandTransaction transaction,
            MessageSource messages) {
        this.upload = upload;
        this.attachments = attachments;
        this.transaction = transaction;
        this.messages = messages;
    }

    @PostMapping("/projects/{id}/evidence")
    String attach(
            @PathVariable String id,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String attachedTo,
            @RequestParam(required = false) String note,
            Locale locale,
            RedirectAttributes next)
            throws IOException {
        if (file == null || file.isEmpty()) {
            next.addFlashAttribute("evidenceFailure", messages.getMessage("evidence.noFile", null, locale));
            return "redirect:/projects/" + id + "#evidence";
        }
        try {
            long supported = EvidenceAttachments.sequence(attachedTo);
            String text = EvidenceAttachments.note(note);
            try (EvidenceUpload.Received received = upload.receive(file.getInputStream(), file.getOriginalFilename())) {
                transaction.run(id, () -> attachments.attach(id, received, supported, text, null));
                next.addFlashAttribute(
                        "flash", messages.getMessage("evidence.attached", new Object[] {received.fileName()}, locale));
            }
        } catch (ErrorResponseException refused) {
            next.addFlashAttribute(
                    "evidenceFailure", Bilingual.inLanguageOf(refused.getBody().getDetail(), locale));
        } catch (CommandRejected | InvalidField | StaleVersion refused) {
            next.addFlashAttribute("evidenceFailure", Bilingual.inLanguageOf(refused.getMessage(), locale));
        }
        return "redirect:/projects/" + id + "#evidence";
    }

    @GetMapping("/projects/{id}/evidence/{sha256}")
    ResponseEntity<byte[]> download(@PathVariable String id, @PathVariable String sha256) {
        return attachments.download(id, sha256);
    }
}
