package racefixtures;

/** The shared data of the fixtures' scenarios. */
class Box {
    int value;
    volatile int flag;
    int guarded;
    boolean plainFlag;
}
