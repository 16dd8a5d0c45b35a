package cn.zhaoshang.tracker.project.api;

import cn.zhaoshang.tracker.shared.Reasoned;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** 增资/减资: the contracted investment changed from {@code previous…} to {@code contractInvestmentCny}. */
@Revision("1")
public record ContractAmended(
        ProjectId projectId,
        LocalDate amendedOn,
        BigDecimal contractInvestmentCny,
        BigDecimal previousContractInvestmentCny,
        String reason)
        implements ProjectEvent, Reasoned {}
