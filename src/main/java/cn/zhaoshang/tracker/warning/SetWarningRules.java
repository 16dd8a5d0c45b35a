package cn.zhaoshang.tracker.warning;

import cn.zhaoshang.tracker.warning.api.WarningRules;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

record SetWarningRules(@TargetAggregateIdentifier String rulesId, String zoneId, WarningRules rules) {}
