/* Host code of the driver project: built by the host compiler. */
int HostHelper(int X) { return X + 1; }
