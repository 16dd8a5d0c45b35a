package cn.zhaoshang.tracker.operations;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * On the production profile the tracker refuses to start with demo data, fine on a laptop and a falsified statistic
 * on a shared server (the access slice refuses the published demo passwords the same way).
 */
@Component
@Profile("postgres")
class ProductionSafety {

    ProductionSafety(@Value("${tracker.demo-data:true}") boolean demoData) {
        List<String> problems = new ArrayList<>();
        if (demoData) {
            problems.add("演示数据不得写入生产库 / demo data must not go into a production store:"
                    + " set tracker.demo-data=false (TRACKER_DEMO_DATA=false)");
        }
        if (!problems.isEmpty()) {
            throw new UnsafeProductionSettings(problems);
        }
    }

    static class UnsafeProductionSettings extends IllegalStateException {

        UnsafeProductionSettings(List<String> problems) {
            super("拒绝启动 / refusing to start with unsafe production settings (profile postgres):\n  - "
                    + String.join("\n  - ", problems));
        }
    }
}
