package cn.zhaoshang.tracker.platform;

import java.util.List;

/**
 * A projection that can be rebuilt from the whole history: it has a {@code @ResetHandler} that empties its tables,
 * and it names the queries whose ordered rows are its content, so that a rebuilt model can be compared with the
 * one it replaces (surrogate keys left out).
 */
public interface ReadModel {

    String name();

    List<String> contentQueries();
}
