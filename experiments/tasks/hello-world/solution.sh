#!/bin/bash
echo "Hello from the sandbox!" > /app/greeting.txt
printf '#!/bin/bash\ntr a-z A-Z < /app/greeting.txt\n' > /app/shout.sh
chmod +x /app/shout.sh
