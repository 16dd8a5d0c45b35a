package cn.zhaoshang.tracker.audit;

import cn.zhaoshang.tracker.access.api.AccessChanged;
import cn.zhaoshang.tracker.access.api.PasswordChanged;
import cn.zhaoshang.tracker.access.api.UserDisabled;
import cn.zhaoshang.tracker.access.api.UserEnabled;
import cn.zhaoshang.tracker.access.api.UserRegistered;
import cn.zhaoshang.tracker.project.api.ArrivalRetracted;
import cn.zhaoshang.tracker.project.api.CapitalArrived;
import cn.zhaoshang.tracker.project.api.ContractAmended;
import cn.zhaoshang.tracker.project.api.EvidenceAttached;
import cn.zhaoshang.tracker.project.api.ProductionStarted;
import cn.zhaoshang.tracker.project.api.ProjectLanded;
import cn.zhaoshang.tracker.project.api.ProjectSigned;
import cn.zhaoshang.tracker.project.api.ProjectTerminated;
import cn.zhaoshang.tracker.project.api.SigningCorrected;
import cn.zhaoshang.tracker.submission.api.MonthSubmitted;
import cn.zhaoshang.tracker.submission.api.SubmissionAccepted;
import cn.zhaoshang.tracker.submission.api.SubmissionReturned;
import cn.zhaoshang.tracker.submission.api.SubmissionSuperseded;
import cn.zhaoshang.tracker.submission.api.SubmissionWarningCleared;
import cn.zhaoshang.tracker.submission.api.SubmissionWarningRaised;
import cn.zhaoshang.tracker.warning.api.WarningCleared;
import cn.zhaoshang.tracker.warning.api.WarningRaised;
import cn.zhaoshang.tracker.warning.api.WarningRulesSet;
import cn.zhaoshang.tracker.zone.api.AnnualTargetSet;
import cn.zhaoshang.tracker.zone.api.ZoneRegistered;
import java.util.List;

/**
 * Every event type the store holds, in the order a person thinks of them: the event log offers them as filters and
 * the timeline has a line for each. A test keeps the list complete.
 */
final class EventTypes {

    static final List<Class<?>> ALL = List.of(
            ZoneRegistered.class,
            AnnualTargetSet.class,
            WarningRulesSet.class,
            ProjectSigned.class,
            SigningCorrected.class,
            ContractAmended.class,
            ProjectLanded.class,
            ProductionStarted.class,
            CapitalArrived.class,
            ArrivalRetracted.class,
            ProjectTerminated.class,
            EvidenceAttached.class,
            WarningRaised.class,
            WarningCleared.class,
            UserRegistered.class,
            AccessChanged.class,
            UserDisabled.class,
            UserEnabled.class,
            PasswordChanged.class,
            MonthSubmitted.class,
            SubmissionAccepted.class,
            SubmissionReturned.class,
            SubmissionSuperseded.class,
            SubmissionWarningRaised.class,
            SubmissionWarningCleared.class);

    private EventTypes() {}
}
