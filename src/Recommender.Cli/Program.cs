Console.WriteLine("cinesync-eval: not implemented yet.");
