namespace CloudFs.Common;
