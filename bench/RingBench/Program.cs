Console.WriteLine("ring-bench");
