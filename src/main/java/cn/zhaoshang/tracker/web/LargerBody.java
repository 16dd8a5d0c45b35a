package cn.zhaoshang.tracker.web;

import java.util.List;

/**
 * A request whose body may be larger than {@link BodySizeLimit}'s 1 MB: a POST to one of {@code paths} (Spring path
 * patterns) may carry up to {@code maxBytes}. A slice that takes files declares one as a bean.
 */
public record LargerBody(List<String> paths, long maxBytes) {}
