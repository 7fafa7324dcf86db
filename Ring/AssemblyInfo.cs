namespace CloudFs.Ring;
