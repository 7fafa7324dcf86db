Console.WriteLine("cloudfs-ring");
