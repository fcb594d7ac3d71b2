// Run as a separate process (another app instance): takes the pending sign-in whose secret
// is the first argument from the database in DATABASE_URL, and prints what it got as JSON.
import { takePendingSignIn } from "@/lib/auth/pending-sign-in";

const taken = await takePendingSignIn(process.argv[2] ?? "");
process.stdout.write(JSON.stringify(taken));
process.exit(0);
