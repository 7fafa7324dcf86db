namespace CloudFs.Catalog;
