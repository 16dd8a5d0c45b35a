package cn.zhaoshang.tracker;

/** The secrets the tests give a start of the postgres profile, as an operator would give real ones. */
public final class ProductionSecrets {

    /** The signing key's file: made by the first start that is told to create it, then reused. */
    public static final String KEY = System.getProperty("java.io.tmpdir") + "/tracker-tests-"
            + System.getProperty("user.name") + "/production-signing-key";

    /** A bootstrap user's password as a bcrypt hash, of "not-a-demo-password". */
    public static final String REAL_PASSWORD = "{bcrypt}$2a$10$uSF7DxIDUYiC28S7HTQYwOS0V67NWjuSpyklsDPut7lfHeP62kLZC";

    private ProductionSecrets() {}
}
