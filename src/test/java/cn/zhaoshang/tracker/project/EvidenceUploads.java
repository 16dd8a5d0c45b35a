package cn.zhaoshang.tracker.project;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.test.web.servlet.MockMvc;

/** A PDF attached to a project's event, for tests of other slices that need evidence to exist. */
public final class EvidenceUploads {

    private EvidenceUploads() {}

    public static void pdf(MockMvc mvc, String user, String project, String name, String attachedTo) throws Exception {
        EvidenceIT.upload(mvc, user, project, name, EvidenceIT.PDF, attachedTo).andExpect(status().isCreated());
    }
}
