package cn.zhaoshang.tracker.audit;

import cn.zhaoshang.tracker.access.api.AccessChanged;
import cn.zhaoshang.tracker.access.api.PasswordChanged;
import cn.zhaoshang.tracker.access.api.Role;
import cn.zhaoshang.tracker.access.api.UserDisabled;
import cn.zhaoshang.tracker.access.api.UserEnabled;
import cn.zhaoshang.tracker.access.api.UserRegistered;
import cn.zhaoshang.tracker.shared.Scope;
import java.util.List;
import java.util.stream.Collectors;

/** The audit's sentences for the users' grants: who could do what, where. */
final class Grants {

    private Grants() {}

    /** The line of an access event, or null for any other event. */
    static Timeline.Line describe(Object event) {
        if (event instanceof UserRegistered e) {
            return new Timeline.Line(
                    "登记用户 %s（%s）：%s，范围 %s"
                            .formatted(e.username(), e.displayName(), roles(e.roles(), true), scope(e.scope(), true)),
                    "user %s (%s) registered: %s in %s"
                            .formatted(
                                    e.username(), e.displayName(), roles(e.roles(), false), scope(e.scope(), false)));
        }
        if (event instanceof AccessChanged e) {
            return new Timeline.Line(
                    "用户 %s 的权限改为 %s，范围 %s".formatted(e.username(), roles(e.roles(), true), scope(e.scope(), true)),
                    "access of %s changed to %s in %s"
                            .formatted(e.username(), roles(e.roles(), false), scope(e.scope(), false)));
        }
        if (event instanceof UserDisabled e) {
            return new Timeline.Line("停用用户 %s".formatted(e.username()), "user %s disabled".formatted(e.username()));
        }
        if (event instanceof UserEnabled e) {
            return new Timeline.Line("启用用户 %s".formatted(e.username()), "user %s enabled".formatted(e.username()));
        }
        if (event instanceof PasswordChanged e) {
            return new Timeline.Line(
                    "用户 %s 的密码已重设".formatted(e.username()), "password of %s set anew".formatted(e.username()));
        }
        return null;
    }

    private static String roles(List<Role> roles, boolean chinese) {
        return roles.stream().map(role -> chinese ? chinese(role) : role.name()).collect(Collectors.joining("、"));
    }

    private static String chinese(Role role) {
        return switch (role) {
            case BUREAU -> "招商局";
            case REVIEWER -> "审核";
            case LEADERSHIP -> "领导";
            case AUDITOR -> "审计";
            case ADMIN -> "管理员";
            case MONITORING -> "监控";
        };
    }

    private static String scope(Scope scope, boolean chinese) {
        String level =
                switch (scope.level()) {
                    case ZONE -> chinese ? "开发区" : "zone";
                    case CITY -> chinese ? "市" : "city";
                    case PROVINCE -> chinese ? "省" : "province";
                };
        return level + " " + scope.id();
    }
}
