package cn.zhaoshang.tracker.project.api;

import cn.zhaoshang.tracker.shared.NotFound;

public class UnknownArrival extends NotFound {

    public UnknownArrival(ArrivalId arrivalId) {
        super("到位资金记录 %s 不存在 / unknown arrival %s".formatted(arrivalId, arrivalId));
    }
}
