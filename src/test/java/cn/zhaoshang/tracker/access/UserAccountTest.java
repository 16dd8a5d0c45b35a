package cn.zhaoshang.tracker.access;

import cn.zhaoshang.tracker.access.AccessCommands.ChangeAccess;
import cn.zhaoshang.tracker.access.AccessCommands.DisableUser;
import cn.zhaoshang.tracker.access.AccessCommands.EnableUser;
import cn.zhaoshang.tracker.access.AccessCommands.RecordPasswordChange;
import cn.zhaoshang.tracker.access.AccessCommands.RegisterUser;
import cn.zhaoshang.tracker.access.api.AccessChanged;
import cn.zhaoshang.tracker.access.api.PasswordChanged;
import cn.zhaoshang.tracker.access.api.Role;
import cn.zhaoshang.tracker.access.api.UserDisabled;
import cn.zhaoshang.tracker.access.api.UserEnabled;
import cn.zhaoshang.tracker.access.api.UserRegistered;
import cn.zhaoshang.tracker.shared.CommandRejected;
import cn.zhaoshang.tracker.shared.Scope;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserAccountTest {

    private static final Scope SONGMU = new Scope(Scope.Level.ZONE, "songmu");
    private static final Scope HENGYANG = new Scope(Scope.Level.CITY, "hengyang");
    private static final Scope HUNAN = new Scope(Scope.Level.PROVINCE, "hunan");
    private static final MetaData BY_ADMIN = MetaData.from(Map.of(UserAccount.RECORDED_BY, "admin"));

    private final Set<String> knownUsers = new HashSet<>();
    private FixtureConfiguration<UserAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UserAccount.class);
        KnownUsers users = knownUsers::contains;
        fixture.registerInjectableResource(users);
    }

    @Test
    void registering_a_user_records_its_roles_and_scope() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser("chen", "陈科长", List.of(Role.BUREAU), SONGMU), BY_ADMIN)
                .expectEvents(new UserRegistered("chen", "陈科长", List.of(Role.BUREAU), SONGMU));
    }

    @Test
    void a_taken_user_name_is_refused() {
        knownUsers.add("chen");

        fixture.givenNoPriorActivity()
                .when(new RegisterUser("chen", "陈科长", List.of(Role.BUREAU), SONGMU), BY_ADMIN)
                .expectNoEvents()
                .expectException(CommandRejected.class);
    }

    @Test
    void a_user_is_re_scoped_with_a_reason() {
        fixture.given(new UserRegistered("chen", "陈科长", List.of(Role.BUREAU), SONGMU))
                .when(new ChangeAccess("chen", List.of(Role.REVIEWER), HENGYANG, "调任市商务局"), BY_ADMIN)
                .expectEvents(new AccessChanged("chen", List.of(Role.REVIEWER), HENGYANG, "调任市商务局"));
    }

    @Test
    void an_admin_cannot_take_admin_away_from_itself() {
        fixture.given(new UserRegistered("admin", "管理员", List.of(Role.ADMIN), HUNAN))
                .when(new ChangeAccess("admin", List.of(Role.AUDITOR), HUNAN, null), BY_ADMIN)
                .expectNoEvents()
                .expectException(CommandRejected.class);
    }

    @Test
    void another_admin_may_take_admin_away() {
        fixture.given(new UserRegistered("admin", "管理员", List.of(Role.ADMIN), HUNAN))
                .when(
                        new ChangeAccess("admin", List.of(Role.AUDITOR), HUNAN, null),
                        MetaData.from(Map.of(UserAccount.RECORDED_BY, "admin2")))
                .expectEvents(new AccessChanged("admin", List.of(Role.AUDITOR), HUNAN, null));
    }

    @Test
    void a_user_cannot_disable_itself() {
        fixture.given(new UserRegistered("admin", "管理员", List.of(Role.ADMIN), HUNAN))
                .when(new DisableUser("admin", null), BY_ADMIN)
                .expectNoEvents()
                .expectException(CommandRejected.class);
    }

    @Test
    void disabling_a_disabled_user_records_nothing_more() {
        fixture.given(new UserRegistered("chen", "陈科长", List.of(Role.BUREAU), SONGMU), new UserDisabled("chen", "离职"))
                .when(new DisableUser("chen", "离职"), BY_ADMIN)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_disabled_user_is_enabled_again() {
        fixture.given(new UserRegistered("chen", "陈科长", List.of(Role.BUREAU), SONGMU), new UserDisabled("chen", "离职"))
                .when(new EnableUser("chen", "返岗"), BY_ADMIN)
                .expectEvents(new UserEnabled("chen", "返岗"));
    }

    @Test
    void a_password_change_is_recorded_without_the_password() {
        fixture.given(new UserRegistered("chen", "陈科长", List.of(Role.BUREAU), SONGMU))
                .when(new RecordPasswordChange("chen"), BY_ADMIN)
                .expectEvents(new PasswordChanged("chen"));
    }
}
